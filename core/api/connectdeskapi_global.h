// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/qglobal.h>

#if defined(CONNECTDESK_API_LIBRARY)
#define CONNECTDESK_API_EXPORT Q_DECL_EXPORT
#else
#define CONNECTDESK_API_EXPORT Q_DECL_IMPORT
#endif

#include <QMap>
#include <QString>

namespace ConnectDesk::Api {

/** A connector, task, converter or transformation configuration: string keys to string values,
 *  exactly as Kafka Connect passes them (`Map<String,String>`). */
using ConfigMap = QMap<QString, QString>;

} // namespace ConnectDesk::Api
