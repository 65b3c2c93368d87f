package dev.recipediff.functions.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Test double of the rejection reports: a map from the rejected file's key to its report. */
final class RecordingRejectionReports implements RejectionReports {

    final Map<String, RejectionReport> byFileKey = Collections.synchronizedMap(new LinkedHashMap<>());

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
}
