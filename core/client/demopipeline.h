// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace ConnectDesk::Client {

class ClusterClient;

/**
 * The Local sandbox's demo, created over REST like any user's connectors:
 *  - demo-lines-source: FileStreamSource on a file that keeps growing → topic demo-lines;
 *  - demo-lines-sink: FileStreamSink demo-lines → a file;
 *  - demo-orders-source: FileStreamSource (StringConverter) of JSON orders, a few of them
 *    malformed → topic demo-orders;
 *  - demo-orders-sink: FileStreamSink with JsonConverter, errors.tolerance=all and a
 *    dead-letter queue (demo-orders-dlq, with context headers) that receives the bad orders.
 * While it lives, a timer appends a line and an order to the input files every second (and a
 * malformed order now and then), so there is always something moving.
 *
 * Thread: the owner's (GUI) thread; file appends are a few bytes.
 */
class DemoPipeline : public QObject
{
    Q_OBJECT

public:
    DemoPipeline(ClusterClient *client, QString directory, QObject *parent = nullptr);

    /** Writes the input files and creates the connectors the cluster does not have yet. */
    void install();
    static QStringList connectorNames();
    static QString deadLetterTopic() { return QStringLiteral("demo-orders-dlq"); }

signals:
    void installed();
    void failed(const QString &error);

private:
    void createMissing(const QStringList &existing);
    void feed();
    QString path(const QString &name) const;

    ClusterClient *m_client;
    QString m_directory;
    QTimer m_feeder;
    int m_sequence = 0;
};

} // namespace ConnectDesk::Client
