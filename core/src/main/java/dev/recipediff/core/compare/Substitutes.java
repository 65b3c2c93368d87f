package dev.recipediff.core.compare;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether an added ingredient plausibly took a removed one's place: the same head word ("white sugar" → "brown
 * sugar", "olive oil" → "avocado oil"), or both in one family of kitchen substitutes (butter → margarine,
 * buttermilk → yogurt, walnuts → pecans, parsley → cilantro, …), and amounts of one dimension.
 */
final class Substitutes {

    private static final String[][] FAMILIES = {
        {"butter", "margarine", "ghee", "shortening", "lard", "oil"},
        {"milk", "buttermilk", "cream", "half", "yogurt", "yoghurt", "kefir", "creme", "fraiche", "sour"},
        {"sugar", "honey", "syrup", "molasses", "agave", "sweetener", "stevia"},
        {"flour", "cornstarch", "starch", "arrowroot"},
        {"lemon", "lime", "orange", "vinegar"},
        {"stock", "broth", "bouillon", "water", "wine", "vermouth", "beer"},
        {
            "parsley",
            "cilantro",
            "coriander",
            "basil",
            "mint",
            "dill",
            "chive",
            "tarragon",
            "oregano",
            "thyme",
            "rosemary",
            "sage",
            "marjoram"
        },
        {"onion", "shallot", "leek", "scallion", "chive"},
        {"walnut", "pecan", "almond", "hazelnut", "cashew", "pistachio", "peanut", "macadamia"},
        {
            "cheddar",
            "gruyere",
            "parmesan",
            "pecorino",
            "mozzarella",
            "cheese",
            "feta",
            "ricotta",
            "gouda",
            "monterey",
            "jack",
            "fontina",
            "emmental",
            "swiss"
        },
        {"bacon", "pancetta", "ham", "prosciutto", "guanciale", "sausage", "chorizo"},
        {"chicken", "turkey", "pork", "beef", "lamb", "veal", "tofu"},
        {"spinach", "kale", "chard", "arugula", "rocket", "lettuce", "cabbage", "collard"},
        {"zucchini", "squash", "courgette", "eggplant", "aubergine"},
        {"cumin", "coriander", "paprika", "chili", "chile", "cayenne", "pepper", "turmeric", "curry"},
        {"rice", "quinoa", "couscous", "bulgur", "barley", "farro", "orzo", "pasta", "noodle"},
        {"raisin", "cranberry", "currant", "sultana", "date", "apricot", "cherry", "fig"},
        {"potato", "sweet", "yam", "parsnip", "carrot", "turnip"},
    };
    private static final Map<String, Integer> FAMILY = new HashMap<>();

    static {
        for (int i = 0; i < FAMILIES.length; i++) {
            for (String word : FAMILIES[i]) {
                FAMILY.putIfAbsent(word, i);
            }
        }
    }

    private Substitutes() {}

    /** Whether two normalised names are plausibly one ingredient's substitute. */
    static boolean plausible(String removed, String added) {
        if (removed.isEmpty() || added.isEmpty()) {
            return false;
        }
        String[] before = removed.split(" ");
        String[] after = added.split(" ");
        if (before[before.length - 1].equals(after[after.length - 1])) {
            return true;
        }
        for (String a : before) {
            Integer family = FAMILY.get(a);
            if (family == null) {
                continue;
            }
            for (String b : after) {
                if (family.equals(FAMILY.get(b)) && !a.equals(b) || a.equals(b) && a.length() > 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Amounts of one dimension (or both without an amount; or one without, where nothing contradicts). */
    static boolean comparableAmounts(PreparedIngredient removed, PreparedIngredient added, double factor) {
        if (removed.quantity() == null || added.quantity() == null) {
            return true;
        }
        return removed.quantity().isComparableTo(added.quantity());
    }
}
