package io.metabackup.history;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Automatic snapshots and chain sealing run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HistoryScheduling {
}
