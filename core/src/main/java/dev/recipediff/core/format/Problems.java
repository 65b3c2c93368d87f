package dev.recipediff.core.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems of one document while it is read, in the order found, without duplicates. */
final class Problems {

    private final Set<Problem> found = new LinkedHashSet<>();

    void add(String pointer, String problem) {
        found.add(new Problem(pointer, problem));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    boolean contains(String problem) {
        return found.stream().anyMatch(p -> p.problem().equals(problem));
    }

    List<Problem> list() {
        return new ArrayList<>(found);
    }

    /** Throws {@code invalid_document} with every problem found so far, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidDocumentException(InvalidDocumentException.INVALID_DOCUMENT, list());
        }
    }

    /** The JSON pointer of member {@code key} of the value at {@code pointer} (RFC 6901 escaping). */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The JSON pointer of element {@code index} of the array at {@code pointer}. */
    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
