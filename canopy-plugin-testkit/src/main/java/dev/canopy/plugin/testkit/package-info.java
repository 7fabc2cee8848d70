/**
 * Contract tests, one abstract JUnit 5 class per plugin kind ({@link dev.canopy.plugin.testkit.CollectorPluginContract},
 * {@link dev.canopy.plugin.testkit.MonitoringDataSourcePluginContract}, {@link dev.canopy.plugin.testkit.WebhookPluginContract},
 * {@link dev.canopy.plugin.testkit.NotificationProtocolPluginContract}, {@link dev.canopy.plugin.testkit.CostDataSourcePluginContract},
 * {@link dev.canopy.plugin.testkit.AuthPluginContract}). A plugin's test extends its kind's contract and
 * supplies the plugin with working and failing inputs; the same contracts run against the gRPC adapters,
 * so a plugin behaves the same in process and behind gRPC. Depends on the plugin API, JUnit 5 and AssertJ.
 */
package dev.canopy.plugin.testkit;
