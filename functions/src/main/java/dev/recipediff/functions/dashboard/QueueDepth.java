package dev.recipediff.functions.dashboard;

/**
 * How many messages wait in one queue.
 *
 * @param name       the queue's name
 * @param deadLetter whether it is the dead-letter queue (messages that failed repeatedly)
 * @param messages   messages waiting (approximate, as SQS reports it)
 * @param inFlight   messages received but not yet deleted (approximate)
 */
public record QueueDepth(String name, boolean deadLetter, long messages, long inFlight) {}
