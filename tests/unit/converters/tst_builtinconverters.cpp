// SPDX-License-Identifier: Apache-2.0
// The registry of built-in converters handed to the plugin registry.

#include "core/api/converter.h"
#include "core/converters/builtinconverters.h"
#include "core/converters/jsonconverter.h"
#include "core/converters/simpleheaderconverter.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Converters;

class tst_BuiltinConverters : public QObject
{
    Q_OBJECT

private slots:
    void listsKafkasClasses()
    {
        QStringList names;
        for (const BuiltinConverter &c : builtinConverters())
            names << c.className;
        const QStringList expected{
            QStringLiteral("org.apache.kafka.connect.json.JsonConverter"),
            QStringLiteral("org.apache.kafka.connect.storage.StringConverter"),
            QStringLiteral("org.apache.kafka.connect.converters.ByteArrayConverter"),
            QStringLiteral("org.apache.kafka.connect.converters.ShortConverter"),
            QStringLiteral("org.apache.kafka.connect.converters.IntegerConverter"),
            QStringLiteral("org.apache.kafka.connect.converters.LongConverter"),
            QStringLiteral("org.apache.kafka.connect.converters.FloatConverter"),
            QStringLiteral("org.apache.kafka.connect.converters.DoubleConverter"),
            QStringLiteral("org.apache.kafka.connect.converters.BooleanConverter"),
            QStringLiteral("org.apache.kafka.connect.storage.SimpleHeaderConverter"),
        };
        QCOMPARE(names, expected);
    }

    void factoriesMatchTypes()
    {
        for (const BuiltinConverter &c : builtinConverters()) {
            QVERIFY2(!c.types.isEmpty(), qPrintable(c.className));
            QCOMPARE(c.version, QStringLiteral("4.0.0"));
            std::unique_ptr<Api::Component> instance = c.factory();
            QVERIFY(instance);
            QCOMPARE(instance->version(), c.version);
            const bool isConverter = dynamic_cast<Api::Converter *>(instance.get()) != nullptr;
            const bool isHeader = dynamic_cast<Api::HeaderConverter *>(instance.get()) != nullptr;
            QCOMPARE(isConverter, c.types.contains(Api::PluginType::Converter));
            QCOMPARE(isHeader, c.types.contains(Api::PluginType::HeaderConverter));
        }
    }

    void crossCastToHeaderConverterWorks()
    {
        std::unique_ptr<Api::Component> json = builtinConverters().constFirst().factory();
        auto *header = dynamic_cast<Api::HeaderConverter *>(json.get());
        QVERIFY(header);
        header->configure({{QStringLiteral("converter.type"), QStringLiteral("header")}});
        QCOMPARE(header->fromConnectHeader(QStringLiteral("t"), QStringLiteral("k"),
                                           Api::Schema(), Api::Value::int32(1)),
                 QByteArray("{\"schema\":null,\"payload\":1}"));
        QVERIFY(dynamic_cast<JsonConverter *>(json.get()));

        std::unique_ptr<Api::Component> simple = builtinConverters().constLast().factory();
        QVERIFY(dynamic_cast<SimpleHeaderConverter *>(simple.get()));
        QVERIFY(!dynamic_cast<Api::Converter *>(simple.get()));
    }
};

QTEST_GUILESS_MAIN(tst_BuiltinConverters)
#include "tst_builtinconverters.moc"
