package dev.recipediff.functions.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.store.Page;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test double of the rejection reports: a map from the rejected file's key to its report. */
public final class RecordingRejectionReports implements RejectionReports {

    public final Map<String, RejectionReport> byFileKey = Collections.synchronizedMap(new LinkedHashMap<>());

    @Override
    public void write(RejectionReport report) {
        byFileKey.put(report.key(), report);
    }

    @Override
    public Optional<RejectionReport> find(String fileKey) {
        return Optional.ofNullable(byFileKey.get(fileKey));
    }

    @Override
    public void remove(String fileKey) {
        byFileKey.remove(fileKey);
    }

    /** The kitchen's reports in key order; the position is the last report key of the previous page. */
    @Override
    public Page<Listed> list(String kitchen, int limit, Optional<String> after) {
        List<Listed> reports;
        synchronized (byFileKey) {
            reports = byFileKey.values().stream()
                    .map(report -> new Listed(BucketLayout.rejectionReportKey(report.key()), json(report)))
                    .filter(listed -> listed.objectKey().startsWith(BucketLayout.rejectedPrefix(kitchen)))
                    .filter(listed -> after.isEmpty() || listed.objectKey().compareTo(after.get()) > 0)
                    .sorted(Comparator.comparing(Listed::objectKey))
                    .toList();
        }
        List<Listed> page = reports.subList(0, Math.min(limit, reports.size()));
        return new Page<>(
                page, reports.size() > limit ? Optional.of(page.getLast().objectKey()) : Optional.empty());
    }

    private static byte[] json(RejectionReport report) {
        try {
            return RecipeJson.mapper().writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
