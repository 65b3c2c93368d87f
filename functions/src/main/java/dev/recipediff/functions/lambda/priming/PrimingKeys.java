package dev.recipediff.functions.lambda.priming;

/** Names priming uses for things that do not exist, so priming never reads or changes real data. */
final class PrimingKeys {

    /** A kitchen name no real kitchen can have (kitchen names have no '.'). */
    static final String KITCHEN = "snapstart.priming";

    static final String ABSENT_REJECTION_REPORT = KITCHEN + "/rejected/recipes/absent.json.error.json";
    static final String ABSENT_MAKE = KITCHEN + "/makes/absent.json";
    static final String ABSENT_ITEM = "SNAPSTART#PRIMING";

    private PrimingKeys() {}
}
