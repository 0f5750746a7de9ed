// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/util/result.h"

#include <QStringList>

#include <optional>

namespace ConnectDesk::Config {

/** Worker configuration key names (Kafka's WorkerConfig, RestServerConfig, StandaloneConfig). */
namespace WorkerKeys {
inline constexpr char BootstrapServers[] = "bootstrap.servers";
inline constexpr char ClientDnsLookup[] = "client.dns.lookup";
inline constexpr char KeyConverter[] = "key.converter";
inline constexpr char ValueConverter[] = "value.converter";
inline constexpr char HeaderConverter[] = "header.converter";
inline constexpr char TaskShutdownGracefulTimeoutMs[] = "task.shutdown.graceful.timeout.ms";
inline constexpr char OffsetFlushIntervalMs[] = "offset.flush.interval.ms";
inline constexpr char OffsetFlushTimeoutMs[] = "offset.flush.timeout.ms";
inline constexpr char PluginPath[] = "plugin.path";
inline constexpr char PluginDiscovery[] = "plugin.discovery";
inline constexpr char ConfigProviders[] = "config.providers";
inline constexpr char ConnectorClientConfigOverridePolicy[] =
    "connector.client.config.override.policy";
inline constexpr char TopicCreationEnable[] = "topic.creation.enable";
inline constexpr char TopicTrackingEnable[] = "topic.tracking.enable";
inline constexpr char TopicTrackingAllowReset[] = "topic.tracking.allow.reset";
inline constexpr char Listeners[] = "listeners";
inline constexpr char AdminListeners[] = "admin.listeners";
inline constexpr char RestAdvertisedHostName[] = "rest.advertised.host.name";
inline constexpr char RestAdvertisedPort[] = "rest.advertised.port";
inline constexpr char RestAdvertisedListener[] = "rest.advertised.listener";
inline constexpr char RestExtensionClasses[] = "rest.extension.classes";
inline constexpr char AccessControlAllowOrigin[] = "access.control.allow.origin";
inline constexpr char AccessControlAllowMethods[] = "access.control.allow.methods";
inline constexpr char ResponseHttpHeaders[] = "response.http.headers.config";
inline constexpr char SslClientAuth[] = "ssl.client.auth";
inline constexpr char OffsetStorageFileFilename[] = "offset.storage.file.filename";
inline constexpr char GroupId[] = "group.id";
inline constexpr char ConfigStorageTopic[] = "config.storage.topic";
inline constexpr char ConfigStorageReplicationFactor[] = "config.storage.replication.factor";
inline constexpr char OffsetStorageTopic[] = "offset.storage.topic";
inline constexpr char OffsetStoragePartitions[] = "offset.storage.partitions";
inline constexpr char OffsetStorageReplicationFactor[] = "offset.storage.replication.factor";
inline constexpr char StatusStorageTopic[] = "status.storage.topic";
inline constexpr char StatusStoragePartitions[] = "status.storage.partitions";
inline constexpr char StatusStorageReplicationFactor[] = "status.storage.replication.factor";
} // namespace WorkerKeys

/** The three internal topics of distributed mode. */
enum class InternalTopic { Config, Offsets, Status };

/** How to find or create one internal topic. */
struct InternalTopicSettings
{
    QString name;
    /** -1 = the broker's default. */
    int partitions = 1;
    int replicationFactor = 3;
    /** "config.storage." etc. */
    QString prefix;
    /** Topic-level configs (other `<prefix>*` keys), with cleanup.policy=compact forced. */
    QMap<QString, QString> topicConfigs;
};

/**
 * A parsed worker configuration (Kafka's `WorkerConfig` / `StandaloneConfig`): typed accessors
 * for the framework keys, plus the pass-through groups the worker hands on (`producer.*`,
 * `consumer.*`, `admin.*`, converter settings).
 *
 * Keys the definition does not know are kept and allowed, as in Kafka (which only logs them);
 * unknownKeys() lists them so the worker can warn.
 *
 * `bootstrap.servers=embedded` is ConnectDesk's request for the in-process development broker
 * (usesEmbeddedBroker()); it parses like any other list.
 *
 * An immutable value: build it once on the main thread, then read it from any thread.
 */
class WorkerConfig
{
public:
    /** The keys common to every worker mode, with Kafka's defaults. */
    static Api::ConfigDef baseConfigDef();
    /** baseConfigDef() plus the required `offset.storage.file.filename`. */
    static Api::ConfigDef standaloneConfigDef();

    /** Parses a standalone worker config. The error (code `ErrorCode::InvalidConfig`) carries
     *  Kafka's message, e.g. `Missing required configuration "key.converter" which has no
     *  default value.` */
    static Util::Result<WorkerConfig> standalone(const Api::ConfigMap &props);
    /** baseConfigDef() plus distributed mode's group and internal-topic keys. */
    static Api::ConfigDef distributedConfigDef();
    static Util::Result<WorkerConfig> distributed(const Api::ConfigMap &props);

    /** Distributed: `group.id`; null for standalone. */
    QString groupId() const;
    /** Distributed: the internal topic's name, partitions, replication and topic configs. */
    InternalTopicSettings internalTopic(InternalTopic which) const;

    const Api::AbstractConfig &config() const { return m_config; }
    const Api::ConfigMap &originals() const { return m_config.originals(); }
    bool isStandalone() const { return m_standalone; }

    QStringList bootstrapServers() const;
    /** bootstrap.servers is exactly `embedded`. */
    bool usesEmbeddedBroker() const;
    QString clientDnsLookup() const;
    QString keyConverterClass() const;
    QString valueConverterClass() const;
    QString headerConverterClass() const;
    qint64 taskShutdownGracefulTimeoutMs() const;
    qint64 offsetFlushIntervalMs() const;
    qint64 offsetFlushTimeoutMs() const;
    /** Empty when unset. */
    QStringList pluginPath() const;
    /** Lower case: `only_scan`, `hybrid_warn`, `hybrid_fail` or `service_load`. */
    QString pluginDiscovery() const;
    QStringList configProviders() const;
    QString connectorClientConfigOverridePolicy() const;
    bool topicCreationEnable() const;
    bool topicTrackingEnable() const;
    bool topicTrackingAllowReset() const;

    QStringList listeners() const;
    /** nullopt: serve the admin endpoints on listeners(); an empty list disables them. */
    std::optional<QStringList> adminListeners() const;
    /** Null when unset. */
    QString restAdvertisedHostName() const;
    std::optional<int> restAdvertisedPort() const;
    QString restAdvertisedListener() const;
    QStringList restExtensionClasses() const;
    QString accessControlAllowOrigin() const;
    QString accessControlAllowMethods() const;
    QString responseHttpHeaders() const;
    QString sslClientAuth() const;

    /** The standalone offsets file; null QString for other modes. */
    QString offsetStorageFileName() const;

    /** `producer.*` originals, prefix stripped (the worker layer of task producers). */
    Api::ConfigMap producerProps() const;
    /** `consumer.*` originals, prefix stripped. */
    Api::ConfigMap consumerProps() const;
    /** `admin.*` originals, prefix stripped, without the REST server's `admin.listeners` and
     *  `admin.listeners.https.*`. */
    Api::ConfigMap adminProps() const;
    /** Settings of a converter: `converterProps("key.converter")` gives the
     *  `key.converter.*` originals with the prefix stripped. */
    Api::ConfigMap converterProps(const QString &converterKey) const;

    /** Keys neither defined nor under a known pass-through prefix (`producer.`, `consumer.`,
     *  `admin.`, `key.converter.`, `value.converter.`, `header.converter.`,
     *  `config.providers.`, `listeners.https.`, `admin.listeners.https.`, `sasl.`) nor
     *  `security.protocol`. Sorted. */
    QStringList unknownKeys() const;
    /** Keys Kafka removed and ignores with a warning: `internal.key.converter`,
     *  `internal.value.converter` (and their sub-keys), `rest.host.name`, `rest.port`. */
    QStringList removedKeys() const;

private:
    WorkerConfig(const Api::ConfigDef &definition, const Api::ConfigMap &props, bool standalone);

    Api::AbstractConfig m_config;
    bool m_standalone = false;
};

} // namespace ConnectDesk::Config
