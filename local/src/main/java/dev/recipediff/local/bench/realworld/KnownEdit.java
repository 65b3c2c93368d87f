package dev.recipediff.local.bench.realworld;

/**
 * One change the known-edits generator made to a recipe to write a make: what kind, and what it touched.
 *
 * @param kind        what was done
 * @param recipeIndex the recipe ingredient or step it changed (0-based, in recipe order); -1 for a whole-recipe
 *                    edit or an added ingredient
 * @param recipeName  the recipe ingredient's name as parsed (ingredient edits), else {@code null}
 * @param makeName    the make side's name of an added or substituted ingredient, else {@code null}
 * @param detail      what it was and what it became, for reading a report ("2 cups" → "3 cups")
 */
public record KnownEdit(Kind kind, int recipeIndex, String recipeName, String makeName, String detail) {

    /** The kinds of edit; {@link #real()} ones must be reported, the others must not. */
    public enum Kind {
        QUANTITY(true),
        UNIT_AND_QUANTITY(true),
        INGREDIENT_REMOVED(true),
        INGREDIENT_ADDED(true),
        INGREDIENT_SUBSTITUTED(true),
        STEP_TEMPERATURE(true),
        STEP_DURATION(true),
        STEP_REWORDED(true),
        SCALED(true),
        UNIT_RESTATED(false),
        SPELLING(false),
        CASE(false),
        ENTITY(false),
        SPACING(false),
        REORDERED(false),
        STEP_RESTATED(false);

        private final boolean real;

        Kind(boolean real) {
            this.real = real;
        }

        /** Whether the edit changes the recipe (true) or only how it is written (false). */
        public boolean real() {
            return real;
        }
    }

    public boolean real() {
        return kind.real();
    }
}
