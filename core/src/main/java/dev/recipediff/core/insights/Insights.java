package dev.recipediff.core.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The answer of {@code GET /recipes/{recipeId}/insights}: which changes go with better makes, what most cooks
 * change, and the recipe that follows them. Built by {@link InsightsReport} from an {@link InsightsState} and
 * the version's document.
 *
 * @param recipeId          the recipe
 * @param version           the version the makes were compared with
 * @param makes             makes compared with it
 * @param ratedMakes        those with a rating
 * @param exactMakes        those made as written
 * @param effectsStatus     {@code ok} (effects listed), {@code too_few_makes} (no change was made in at least
 *                          {@code minimumRatedMakes} rated makes and left out of as many), {@code no_changes}
 *                          (nobody changed this version)
 * @param minimumRatedMakes rated makes needed on each side of a change before its effect is estimated (3)
 * @param effects           confident first, then by |delta|
 * @param consensus         changes made in at least half the makes (and at least 3), most shared first
 * @param suggestion        the version with every consensus change applied, in the original format; {@code null}
 *                          when there is no consensus
 * @param suggestedChanges  the consensus changes the suggestion applies (some kinds, e.g. a reordering, are not)
 * @param droppedKeys       change keys no longer tracked because the version had over 100 distinct ones
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
    "recipeId",
    "version",
    "makes",
    "ratedMakes",
    "exactMakes",
    "effectsStatus",
    "minimumRatedMakes",
    "effects",
    "consensus",
    "suggestion",
    "suggestedChanges",
    "droppedKeys"
})
public record Insights(
        long recipeId,
        int version,
        long makes,
        long ratedMakes,
        long exactMakes,
        String effectsStatus,
        int minimumRatedMakes,
        List<Effect> effects,
        List<Consensus> consensus,
        ObjectNode suggestion,
        List<ChangeKey> suggestedChanges,
        long droppedKeys) {

    public static final String OK = "ok";
    public static final String TOO_FEW_MAKES = "too_few_makes";
    public static final String NO_CHANGES = "no_changes";

    public Insights {
        effects = List.copyOf(effects);
        consensus = List.copyOf(consensus);
        suggestedChanges = List.copyOf(suggestedChanges);
    }
}
