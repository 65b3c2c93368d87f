package dev.recipediff.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One difference between a make and its recipe, in the original difference schema ({@code recipeField},
 * {@code recipeId}, {@code makeId}, {@code difference}, {@code ingredientId}, {@code ingredientField}) extended
 * with the kind of change and machine-readable values. See docs/differences.md.
 *
 * @param recipeField     which part of the recipe
 * @param recipeId        the recipe's id
 * @param makeId          the make's id, once known
 * @param change          what kind of change
 * @param ingredientId    the ingredient's id (the recipe's; the make's for an added ingredient), when it has one
 * @param ingredientField which ingredient field changed; absent when a whole ingredient was added or removed
 * @param ingredient      the ingredient's normalised name (recipe side), for grouping without ids
 * @param parameter       for a step parameter change: what the number measures
 * @param difference      both sides as text
 * @param recipeValue     the recipe side as a number (normalised quantity, rating, servings, step parameter)
 * @param recipeUnit      the unit of {@code recipeValue} ("ml", "g", "unit", "min", "°F")
 * @param makeValue       the make side as a number
 * @param makeUnit        the unit of {@code makeValue}
 * @param factor          the scale factor: of a {@code scale} difference, or the factor the recipe side of a
 *                        quantity difference was scaled by before comparing
 * @param recipePosition  1-based position of the step in the recipe
 * @param makePosition    1-based position of the step in the make
 * @param wordChanges     for a reworded step: the runs of words that changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "recipeField",
    "recipeId",
    "makeId",
    "change",
    "ingredientId",
    "ingredientField",
    "ingredient",
    "parameter",
    "difference",
    "recipeValue",
    "recipeUnit",
    "makeValue",
    "makeUnit",
    "factor",
    "recipePosition",
    "makePosition",
    "wordChanges"
})
public record Difference(
        RecipeField recipeField,
        Long recipeId,
        Long makeId,
        ChangeKind change,
        Long ingredientId,
        IngredientField ingredientField,
        String ingredient,
        StepParameterKind parameter,
        Sides difference,
        Double recipeValue,
        String recipeUnit,
        Double makeValue,
        String makeUnit,
        Double factor,
        Integer recipePosition,
        Integer makePosition,
        List<WordChange> wordChanges) {

    public Difference {
        wordChanges = wordChanges == null ? null : List.copyOf(wordChanges);
    }

    public Difference withMakeId(Long newMakeId) {
        Builder copy = new Builder(this);
        copy.makeId = newMakeId;
        return copy.build();
    }

    static Builder of(RecipeField recipeField, ChangeKind change, Long recipeId) {
        return new Builder(recipeField, change, recipeId);
    }

    /** Assembles a difference field by field; used by the comparator only. */
    static final class Builder {
        private final RecipeField recipeField;
        private final ChangeKind change;
        private final Long recipeId;
        private Long makeId;
        private Long ingredientId;
        private IngredientField ingredientField;
        private String ingredient;
        private StepParameterKind parameter;
        private Sides difference = Sides.of("", "");
        private Double recipeValue;
        private String recipeUnit;
        private Double makeValue;
        private String makeUnit;
        private Double factor;
        private Integer recipePosition;
        private Integer makePosition;
        private List<WordChange> wordChanges;

        private Builder(RecipeField recipeField, ChangeKind change, Long recipeId) {
            this.recipeField = recipeField;
            this.change = change;
            this.recipeId = recipeId;
        }

        /** Every field of {@code difference}, as it is. */
        private Builder(Difference difference) {
            this.recipeField = difference.recipeField;
            this.change = difference.change;
            this.recipeId = difference.recipeId;
            this.makeId = difference.makeId;
            this.ingredientId = difference.ingredientId;
            this.ingredientField = difference.ingredientField;
            this.ingredient = difference.ingredient;
            this.parameter = difference.parameter;
            this.difference = difference.difference;
            this.recipeValue = difference.recipeValue;
            this.recipeUnit = difference.recipeUnit;
            this.makeValue = difference.makeValue;
            this.makeUnit = difference.makeUnit;
            this.factor = difference.factor;
            this.recipePosition = difference.recipePosition;
            this.makePosition = difference.makePosition;
            this.wordChanges = difference.wordChanges;
        }

        Builder ingredient(Long id, IngredientField field, String normalisedName) {
            this.ingredientId = id;
            this.ingredientField = field;
            this.ingredient = normalisedName;
            return this;
        }

        Builder parameter(StepParameterKind kind) {
            this.parameter = kind;
            return this;
        }

        Builder sides(String recipe, String make) {
            this.difference = new Sides(recipe, make, null);
            return this;
        }

        Builder stepSides(String recipe, String make, Long stepId) {
            this.difference = new Sides(recipe, make, stepId);
            return this;
        }

        Builder recipeValue(Double value, String unit) {
            this.recipeValue = MachineNumbers.round(value);
            this.recipeUnit = value == null ? null : unit;
            return this;
        }

        Builder makeValue(Double value, String unit) {
            this.makeValue = MachineNumbers.round(value);
            this.makeUnit = value == null ? null : unit;
            return this;
        }

        Builder factor(Double value) {
            this.factor = MachineNumbers.round(value);
            return this;
        }

        Builder positions(Integer recipe, Integer make) {
            this.recipePosition = recipe;
            this.makePosition = make;
            return this;
        }

        Builder wordChanges(List<WordChange> changes) {
            this.wordChanges = changes;
            return this;
        }

        Difference build() {
            return new Difference(
                    recipeField,
                    recipeId,
                    makeId,
                    change,
                    ingredientId,
                    ingredientField,
                    ingredient,
                    parameter,
                    difference,
                    recipeValue,
                    recipeUnit,
                    makeValue,
                    makeUnit,
                    factor,
                    recipePosition,
                    makePosition,
                    wordChanges);
        }
    }
}
