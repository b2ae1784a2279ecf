package dev.ferrite.tls.reload;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A set of files polled for change; not thread-safe, one poller owns it. */
final class WatchedFiles {

    private final Map<Path, FileFingerprint> seen = new LinkedHashMap<>();

    WatchedFiles(List<Path> files) {
        files.forEach(file -> seen.put(file, FileFingerprint.of(file)));
    }

    /** Whether any file differs from the last look; records what it sees now. */
    boolean changedSinceLastLook() {
        boolean changed = false;
        for (Map.Entry<Path, FileFingerprint> entry : seen.entrySet()) {
            FileFingerprint now = FileFingerprint.of(entry.getKey());
            if (!now.equals(entry.getValue())) {
                entry.setValue(now);
                changed = true;
            }
        }
        return changed;
    }

    List<Path> files() {
        return List.copyOf(seen.keySet());
    }
}
