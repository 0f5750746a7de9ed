// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace ConnectDesk::Util {

/** An error inside the engine: a message for people, plus flags that decide what happens next
 *  (librdkafka's retriable/fatal flags are kept). */
struct Error
{
    QString message;
    int code = 0;
    bool retriable = false;
    bool fatal = false;

    bool isError() const { return !message.isEmpty() || code != 0; }
    explicit operator bool() const { return isError(); }
};

/** A value or an Error; the engine's return type for fallible calls (no exceptions inside core
 *  outside plugin boundaries). */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_data); }
    const T &value() const { return std::get<0>(m_data); }
    T &operator*() { return value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<1>(m_data); }
    T takeValue() { return std::move(std::get<0>(m_data)); }

private:
    std::variant<T, Error> m_data;
};

} // namespace ConnectDesk::Util
