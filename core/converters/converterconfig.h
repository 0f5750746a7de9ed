// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"

#include <QString>

namespace ConnectDesk::Converters {

/** How a converter is used (Kafka's `ConverterType`): for record keys, values or headers. */
enum class ConverterType { Key, Value, Header };

/**
 * Kafka's `ConverterConfig`: the `converter.type` key every converter config has (required,
 * one of `key`, `value`, `header`), and helpers shared by the converters.
 */
namespace ConverterConfig {

inline constexpr char TypeConfig[] = "converter.type";

/** A ConfigDef holding only `converter.type`, to which converters add their keys. */
Api::ConfigDef newConfigDef();
/** The parsed `converter.type` of a config built from newConfigDef(). */
ConverterType type(const Api::AbstractConfig &config);
/** "key", "value", "header". */
QString typeName(ConverterType type);
/** A copy of configs with `converter.type` set for Converter::configure(configs, isKey). */
Api::ConfigMap withType(const Api::ConfigMap &configs, bool isKey);

} // namespace ConverterConfig

} // namespace ConnectDesk::Converters
