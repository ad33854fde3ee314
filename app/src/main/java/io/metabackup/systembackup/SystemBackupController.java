package io.metabackup.systembackup;

import io.metabackup.backup.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Runs of the automated system backup: run one now, list them. */
@RestController
@RequestMapping("/api/system-backup")
class SystemBackupController {

    private final SystemBackupRunner runner;
    private final SystemBackupRuns runs;

    SystemBackupController(SystemBackupRunner runner, SystemBackupRuns runs) {
        this.runner = runner;
        this.runs = runs;
    }

    /** Runs synchronously; the answer is the finished run, whose {@code status} says how it went. */
    @PostMapping("/run")
    @ResponseStatus(HttpStatus.CREATED)
    SystemBackupRun run() {
        return runner.runNow();
    }

    @GetMapping("/runs")
    List<SystemBackupRun> runs(@RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        return runs.list(paging.offset(), paging.size());
    }
}
