package dev.recipediff.core.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A change most cooks make.
 *
 * @param change       the change
 * @param makes        makes that made it
 * @param share        {@code makes} over the version's makes (0..1)
 * @param recipe       the recipe's side as written ("0.5 TBS", "350 degrees"); "" for an addition
 * @param typical      what cooks typically do instead: the median for numbers, the most frequent text otherwise;
 *                     "" for a removal
 * @param typicalValue the median as a number (a quantity in the recipe's measurement, a step parameter, a
 *                     factor, servings), when the change has one
 * @param unit         the unit of {@code typicalValue}, when it has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"change", "makes", "share", "recipe", "typical", "typicalValue", "unit"})
public record Consensus(
        ChangeKey change, long makes, double share, String recipe, String typical, Double typicalValue, String unit) {}
