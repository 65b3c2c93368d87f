package dev.recipediff.core.insights;

import dev.recipediff.core.analytics.RecordedMake;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A spice cake and makes of it, compared by the real comparator: test data for the insights. */
final class CakeMakes {

    static final MakeComparator COMPARATOR = new MakeComparator();

    static final Recipe CAKE = new Recipe(
            31L,
            "Spice Cake",
            4.0,
            8.0,
            List.of(
                    Ingredient.of(1L, 2.0, "cup", "flour"),
                    Ingredient.of(2L, 1.0, "tsp", "cinnamon"),
                    Ingredient.of(3L, 0.5, "tsp", "salt"),
                    Ingredient.of(4L, 1.0, "cup", "buttermilk"),
                    Ingredient.of(5L, 0.75, "cup", "sugar")),
            List.of(
                    new Step(1L, "Preheat the oven to 350 degrees"),
                    new Step(2L, "Whisk the flour, spices and salt"),
                    new Step(3L, "Bake for 40 minutes")));

    private Double cinnamon = 1.0;
    private Double salt = 0.5;
    private String milk = "buttermilk";
    private String oven = "Preheat the oven to 350 degrees";
    private Double rating;

    static CakeMakes make() {
        return new CakeMakes();
    }

    CakeMakes cinnamon(double teaspoons) {
        this.cinnamon = teaspoons;
        return this;
    }

    CakeMakes salt(double teaspoons) {
        this.salt = teaspoons;
        return this;
    }

    CakeMakes milk(String name) {
        this.milk = name;
        return this;
    }

    CakeMakes oven(int degrees) {
        this.oven = "Preheat the oven to " + degrees + " degrees";
        return this;
    }

    CakeMakes rated(double stars) {
        this.rating = stars;
        return this;
    }

    Make document() {
        List<Ingredient> ingredients = new ArrayList<>(List.of(
                Ingredient.of(1L, 2.0, "cup", "flour"),
                Ingredient.of(2L, cinnamon, "tsp", "cinnamon"),
                Ingredient.of(3L, salt, "tsp", "salt"),
                Ingredient.of(4L, 1.0, "cup", milk),
                Ingredient.of(5L, 0.75, "cup", "sugar")));
        Recipe content = new Recipe(
                31L,
                "Spice Cake",
                rating,
                null,
                ingredients,
                List.of(
                        new Step(1L, oven),
                        new Step(2L, "Whisk the flour, spices and salt"),
                        new Step(3L, "Bake for 40 minutes")));
        return new Make(content, null, "cook", null);
    }

    RecordedMake recorded(long makeId) {
        Comparison comparison = COMPARATOR.compare(CAKE, document()).withMakeId(makeId);
        return new RecordedMake(
                makeId,
                1,
                OffsetDateTime.parse("2026-11-01T18:00:00Z").plusHours(makeId),
                rating,
                comparison.exact(),
                comparison.differences());
    }
}
