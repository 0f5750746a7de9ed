// SPDX-License-Identifier: Apache-2.0
#include "worker.h"

#include "internaltopics.h"
#include "logging.h"
#include "offsetstorage.h"
#include "workerconnector.h"
#include "workersinktask.h"
#include "workersourcetask.h"

#include "core/api/exceptions.h"
#include "core/config/connectorconfig.h"
#include "core/kafka/admin.h"
#include "core/kafka/clientproperties.h"
#include "core/plugin/pluginregistry.h"
#include "core/storage/offsetbackingstore.h"

#include <QDeadlineTimer>

#include <limits>

namespace ConnectDesk::Runtime {

namespace {

const QString JsonConverterClass = QStringLiteral("org.apache.kafka.connect.json.JsonConverter");

} // namespace

Worker::Worker(Config::WorkerConfig config, QString bootstrapServers, QString workerId,
               Plugin::PluginRegistry *registry,
               std::shared_ptr<Storage::OffsetBackingStore> offsets, StatusStore *status,
               QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_bootstrapServers(std::move(bootstrapServers))
    , m_workerId(std::move(workerId))
    , m_registry(registry)
    , m_offsets(std::move(offsets))
    , m_status(status)
{}

Worker::~Worker()
{
    stopAll();
}

bool Worker::startConnector(const QString &name, const Api::ConfigMap &config, TargetState target)
{
    const QString className = config.value(QStringLiteral("connector.class")).trimmed();
    auto fail = [&](const QString &trace) {
        qCCritical(lcRuntime).noquote() << "Failed to start connector" << name << ":" << trace;
        m_status->putConnector(name, {State::Failed, trace, m_workerId, 0});
        return false;
    };
    auto cls = m_registry->resolve(className, {Api::PluginType::Source, Api::PluginType::Sink});
    if (!cls)
        return fail(QStringLiteral("org.apache.kafka.connect.errors.ConnectException: ") + cls.error().message);
    auto connector = m_registry->createAs<Api::Connector>(className, {Api::PluginType::Source, Api::PluginType::Sink});
    if (!connector)
        return fail(QStringLiteral("org.apache.kafka.connect.errors.ConnectException: ") + connector.error().message);
    std::unique_ptr<OffsetReader> reader;
    const bool sink = cls.value().type == Api::PluginType::Sink;
    if (!sink) {
        auto json = m_registry->createAs<Api::Converter>(JsonConverterClass, {Api::PluginType::Converter});
        if (!json)
            return fail(json.error().message);
        reader = std::make_unique<OffsetReader>(name, m_offsets, std::make_unique<OffsetCodec>(json.takeValue()));
    }
    auto wc = std::make_unique<WorkerConnector>(name, cls.value().className, connector.takeValue(), sink,
                                                m_status, m_workerId, std::move(reader));
    connect(wc.get(), &WorkerConnector::reconfigurationRequested, this, &Worker::reconfigurationRequested);
    WorkerConnector *raw = wc.get();
    m_connectors[name] = std::move(wc);
    qCInfo(lcRuntime).noquote() << "Creating connector" << name << "of type" << cls.value().className;
    return raw->transitionTo(target, config);
}

bool Worker::setConnectorTargetState(const QString &name, const Api::ConfigMap &config, TargetState target)
{
    const auto it = m_connectors.find(name);
    if (it == m_connectors.end())
        return false;
    return it->second->transitionTo(target, config);
}

std::optional<QList<Api::ConfigMap>> Worker::connectorTaskConfigs(const QString &name,
                                                                  const Api::ConfigMap &config)
{
    const auto it = m_connectors.find(name);
    if (it == m_connectors.end() || it->second->isFailed())
        return std::nullopt;
    return it->second->taskConfigs(config);
}

void Worker::stopConnector(const QString &name)
{
    const auto it = m_connectors.find(name);
    if (it == m_connectors.end())
        return;
    it->second->shutdown();
    m_connectors.erase(it);
    qCInfo(lcRuntime).noquote() << "Stopped connector" << name;
}

bool Worker::startTask(const TaskId &id, const Api::ConfigMap &connectorConfig,
                       const Api::ConfigMap &taskConfig, TargetState target)
{
    auto task = buildTask(id, connectorConfig, taskConfig);
    if (!task) {
        const QString trace = QStringLiteral("org.apache.kafka.connect.errors.ConnectException: ") + task.error().message;
        qCCritical(lcRuntime).noquote() << "Failed to start task" << id.connector + QLatin1Char('-') + QString::number(id.task)
                                        << ":" << task.error().message;
        m_status->putTask(id.connector, id.task, {State::Failed, trace, m_workerId, 0});
        return false;
    }
    WorkerTask *raw = task.value().get();
    raw->setTargetState(target);
    {
        QMutexLocker lock(&m_tasksMutex);
        m_tasks[id] = task.takeValue();
    }
    raw->start();
    return true;
}

Util::Result<std::unique_ptr<WorkerTask>> Worker::buildTask(const TaskId &id,
                                                            const Api::ConfigMap &connectorConfig,
                                                            const Api::ConfigMap &taskConfig)
{
    TaskSetup setup;
    setup.connector = id.connector;
    setup.taskId = id.task;
    setup.connectorConfig = connectorConfig;
    setup.taskConfig = taskConfig;
    setup.status = m_status;
    setup.topicTracking = m_config.topicTrackingEnable();
    setup.workerId = m_workerId;
    setup.offsetFlushIntervalMs = m_config.offsetFlushIntervalMs();
    setup.offsetFlushTimeoutMs = m_config.offsetFlushTimeoutMs();
    setup.taskClass = taskConfig.value(QStringLiteral("task.class"));

    auto cls = m_registry->resolve(setup.taskClass, {Api::PluginType::SourceTask, Api::PluginType::SinkTask});
    if (!cls)
        return Util::Error{QStringLiteral("Task class %1 not found: %2").arg(setup.taskClass, cls.error().message)};
    const bool sink = cls.value().type == Api::PluginType::SinkTask;

    // Converters: the connector's class (with its own settings) wins over the worker's.
    auto converterFor = [&](const QString &key, const QString &workerClass, QString *className)
        -> Util::Result<std::unique_ptr<Api::Component>> {
        const QString connectorClass = connectorConfig.value(key).trimmed();
        const bool fromConnector = !connectorClass.isEmpty();
        const QString name = fromConnector ? connectorClass : workerClass;
        const Api::PluginType type = key == QLatin1String("header.converter") ? Api::PluginType::HeaderConverter
                                                                              : Api::PluginType::Converter;
        auto resolved = m_registry->resolve(name, {type});
        if (!resolved)
            return resolved.error();
        *className = resolved.value().className;
        auto component = m_registry->create(resolved.value());
        if (!component)
            return component.error();
        Api::ConfigMap props = fromConnector ? Config::withPrefixStripped(connectorConfig, key + QLatin1Char('.'))
                                             : m_config.converterProps(key);
        try {
            if (auto *converter = dynamic_cast<Api::Converter *>(component.value().get())) {
                props.insert(QStringLiteral("converter.type"), key == QLatin1String("key.converter")
                                                                   ? QStringLiteral("key")
                                                                   : QStringLiteral("value"));
                converter->configure(props, key == QLatin1String("key.converter"));
            } else if (auto *header = dynamic_cast<Api::HeaderConverter *>(component.value().get())) {
                props.insert(QStringLiteral("converter.type"), QStringLiteral("header"));
                header->configure(props);
            }
        } catch (const std::exception &e) {
            return Util::Error{QStringLiteral("Failed to configure %1 %2: %3").arg(key, name, Api::exceptionMessage(e))};
        }
        return component;
    };
    auto keyConverter = converterFor(QStringLiteral("key.converter"), m_config.keyConverterClass(), &setup.keyConverterClass);
    if (!keyConverter)
        return keyConverter.error();
    auto valueConverter = converterFor(QStringLiteral("value.converter"), m_config.valueConverterClass(),
                                       &setup.valueConverterClass);
    if (!valueConverter)
        return valueConverter.error();
    auto headerConverter = converterFor(QStringLiteral("header.converter"), m_config.headerConverterClass(),
                                        &setup.headerConverterClass);
    if (!headerConverter)
        return headerConverter.error();
    setup.keyConverter.reset(dynamic_cast<Api::Converter *>(keyConverter.value().release()));
    setup.valueConverter.reset(dynamic_cast<Api::Converter *>(valueConverter.value().release()));
    setup.headerConverter.reset(dynamic_cast<Api::HeaderConverter *>(headerConverter.value().release()));
    if (!setup.keyConverter || !setup.valueConverter || !setup.headerConverter)
        return Util::Error{QStringLiteral("A configured converter does not implement the converter interface")};

    auto chain = TransformationChain::build(connectorConfig, *m_registry);
    if (!chain)
        return chain.error();
    setup.transforms = chain.takeValue();

    auto component = m_registry->create(cls.value());
    if (!component)
        return component.error();
    if (sink) {
        std::unique_ptr<Api::SinkTask> task(dynamic_cast<Api::SinkTask *>(component.value().release()));
        if (!task)
            return Util::Error{QStringLiteral("%1 is not a SinkTask").arg(setup.taskClass)};
        setup.clientProps = consumerProps(id, connectorConfig);
        setup.deadLetterQueue = deadLetterQueue(id, connectorConfig);
        return std::unique_ptr<WorkerTask>(std::make_unique<WorkerSinkTask>(std::move(setup), std::move(task)));
    }
    std::unique_ptr<Api::SourceTask> task(dynamic_cast<Api::SourceTask *>(component.value().release()));
    if (!task)
        return Util::Error{QStringLiteral("%1 is not a SourceTask").arg(setup.taskClass)};
    setup.clientProps = producerProps(id, connectorConfig);
    auto writerJson = m_registry->createAs<Api::Converter>(JsonConverterClass, {Api::PluginType::Converter});
    auto readerJson = m_registry->createAs<Api::Converter>(JsonConverterClass, {Api::PluginType::Converter});
    if (!writerJson || !readerJson)
        return Util::Error{QStringLiteral("JsonConverter is needed for source offsets but is not available")};
    auto reader = std::make_unique<OffsetReader>(id.connector, m_offsets,
                                                 std::make_unique<OffsetCodec>(readerJson.takeValue()));
    return std::unique_ptr<WorkerTask>(std::make_unique<WorkerSourceTask>(
        std::move(setup), std::move(task), m_offsets, std::make_unique<OffsetCodec>(writerJson.takeValue()),
        std::move(reader)));
}

QMap<QString, QString> Worker::producerProps(const TaskId &id, const Api::ConfigMap &connectorConfig) const
{
    // Kafka's layering: framework settings, then worker `producer.*`, then `producer.override.*`.
    QMap<QString, QString> props{
        {QStringLiteral("bootstrap.servers"), m_bootstrapServers},
        {QStringLiteral("acks"), QStringLiteral("all")},
        {QStringLiteral("enable.idempotence"), QStringLiteral("false")},
        {QStringLiteral("max.in.flight.requests.per.connection"), QStringLiteral("1")},
        {QStringLiteral("message.timeout.ms"), QStringLiteral("2147483647")},
        {QStringLiteral("client.id"), QStringLiteral("connector-producer-%1-%2").arg(id.connector).arg(id.task)},
    };
    props.insert(m_config.producerProps());
    props.insert(Config::withPrefixStripped(connectorConfig, QStringLiteral("producer.override.")));
    QStringList dropped;
    props = Kafka::toLibrdkafkaProperties(props, &dropped);
    if (!dropped.isEmpty())
        qCInfo(lcRuntime).noquote() << "Ignoring Java-only producer settings" << dropped.join(QStringLiteral(", "));
    return props;
}

std::unique_ptr<DeadLetterQueueReporter> Worker::deadLetterQueue(const TaskId &id,
                                                                 const Api::ConfigMap &connectorConfig) const
{
    if (!Config::hasDlqTopicConfig(connectorConfig))
        return nullptr;
    DeadLetterQueueReporter::Settings settings;
    settings.topic = connectorConfig.value(QString::fromLatin1(Config::ConnectorKeys::DlqTopicName));
    settings.replicationFactor =
        connectorConfig.value(QString::fromLatin1(Config::ConnectorKeys::DlqTopicReplicationFactor), QStringLiteral("3"))
            .trimmed()
            .toInt();
    settings.contextHeaders = connectorConfig.value(QString::fromLatin1(Config::ConnectorKeys::DlqContextHeadersEnable))
                                  .trimmed()
                                  .compare(QLatin1String("true"), Qt::CaseInsensitive)
                              == 0;
    settings.connector = id.connector;
    settings.task = id.task;
    settings.producerProps = producerProps(id, connectorConfig);
    settings.producerProps.insert(QStringLiteral("client.id"),
                                  QStringLiteral("connector-dlq-producer-%1-%2").arg(id.connector).arg(id.task));
    settings.ensureTopic = [admin = adminProps(id.connector, connectorConfig), embedded = m_embeddedBroker,
                            development = m_developmentBroker](const QString &topic, int replicationFactor) {
        auto client = Kafka::Admin::create(admin);
        if (!client)
            return client.error();
        auto found = ensureTopic({topic, 1, replicationFactor, {}}, *client.value(), embedded, development);
        return found ? Util::Error{} : found.error();
    };
    return std::make_unique<DeadLetterQueueReporter>(std::move(settings));
}

QMap<QString, QString> Worker::consumerProps(const TaskId &id, const Api::ConfigMap &connectorConfig) const
{
    QMap<QString, QString> props{
        {QStringLiteral("bootstrap.servers"), m_bootstrapServers},
        {QStringLiteral("group.id"), QStringLiteral("connect-%1").arg(id.connector)},
        {QStringLiteral("client.id"), QStringLiteral("connector-consumer-%1-%2").arg(id.connector).arg(id.task)},
        {QStringLiteral("enable.auto.commit"), QStringLiteral("false")},
        {QStringLiteral("auto.offset.reset"), QStringLiteral("earliest")},
        // librdkafka's group consumer prefetches little by default (queued.min.messages is
        // 100000 for the whole consumer queue); a deeper prefetch doubled sink throughput in
        // tests/bench. queued.max.messages.kbytes (64 MiB) still bounds the memory.
        {QStringLiteral("queued.min.messages"), QStringLiteral("1000000")},
    };
    if (m_developmentBroker)
        props.insert(QStringLiteral("session.timeout.ms"), QStringLiteral("6000"));
    props.insert(m_config.consumerProps());
    props.insert(Config::withPrefixStripped(connectorConfig, QStringLiteral("consumer.override.")));
    QStringList dropped;
    props = Kafka::toLibrdkafkaProperties(props, &dropped);
    if (!dropped.isEmpty())
        qCInfo(lcRuntime).noquote() << "Ignoring Java-only consumer settings" << dropped.join(QStringLiteral(", "));
    return props;
}

void Worker::setTaskTargetState(const QString &connector, TargetState target)
{
    for (auto &[id, task] : m_tasks) {
        if (id.connector == connector)
            task->setTargetState(target);
    }
}

void Worker::stopTask(const TaskId &id)
{
    stopMatching([&](const TaskId &candidate) {
        return candidate.connector == id.connector && candidate.task == id.task;
    });
}

void Worker::stopTasks(const QString &connector)
{
    stopMatching([&](const TaskId &candidate) { return candidate.connector == connector; });
}

void Worker::stopMatching(const std::function<bool(const TaskId &)> &matches)
{
    std::vector<std::unique_ptr<WorkerTask>> stopping;
    QMutexLocker lock(&m_tasksMutex);
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        if (matches(it->first)) {
            it->second->requestStop();
            stopping.push_back(std::move(it->second));
            it = m_tasks.erase(it);
        } else {
            ++it;
        }
    }
    lock.unlock();
    QDeadlineTimer deadline(m_config.taskShutdownGracefulTimeoutMs());
    for (auto &task : stopping) {
        if (!task->wait(deadline)) {
            qCWarning(lcRuntime).noquote() << "Graceful stop of task" << task->id()
                                           << "failed; waiting for it to finish its current operation";
            task->wait(); // never leave a thread behind that still uses the plugin
        }
    }
}

void Worker::stopAll()
{
    // Ask every task first so they wind down in parallel, then wait for them.
    for (auto &[id, task] : m_tasks)
        task->requestStop();
    stopMatching([](const TaskId &) { return true; });
    QStringList connectors;
    for (const auto &[name, connector] : m_connectors)
        connectors.append(name);
    for (const QString &name : std::as_const(connectors))
        stopConnector(name);
}

bool Worker::hasTasks(const QString &connector) const
{
    const auto it = m_tasks.lower_bound(TaskId{connector, std::numeric_limits<int>::min()});
    return it != m_tasks.end() && it->first.connector == connector;
}

QMap<QString, QString> Worker::sinkConsumerProps(const QString &connector, const Api::ConfigMap &config) const
{
    QMap<QString, QString> props = consumerProps({connector, 0}, config);
    props.insert(QStringLiteral("client.id"), QStringLiteral("connector-offsets-%1").arg(connector));
    return props;
}

QMap<QString, QString> Worker::adminProps(const QString &connector, const Api::ConfigMap &config) const
{
    QMap<QString, QString> props{
        {QStringLiteral("bootstrap.servers"), m_bootstrapServers},
        {QStringLiteral("client.id"), QStringLiteral("connector-worker-adminclient-%1").arg(connector)},
    };
    props.insert(m_config.adminProps());
    props.insert(Config::withPrefixStripped(config, QStringLiteral("admin.override.")));
    return Kafka::toLibrdkafkaProperties(props);
}

QList<TaskProgress> Worker::progress() const
{
    QMutexLocker lock(&m_tasksMutex);
    QList<TaskProgress> result;
    for (const auto &[id, task] : m_tasks) {
        TaskProgress p;
        p.id = id;
        if (const auto *source = dynamic_cast<const WorkerSourceTask *>(task.get())) {
            p.records = source->recordsSent();
            p.committed = source->recordsCommitted();
        } else if (const auto *sinkTask = dynamic_cast<const WorkerSinkTask *>(task.get())) {
            p.sink = true;
            p.records = sinkTask->recordsDelivered();
            p.committed = sinkTask->recordsCommitted();
        }
        result.append(p);
    }
    return result;
}

} // namespace ConnectDesk::Runtime
