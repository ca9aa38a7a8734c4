#pragma once

#include "common/finding.h"

#include <utility>
#include <variant>

namespace rs {

// A value or the finding that explains why there is none (std::expected arrives with C++23).
template <typename T> class Expected
{
public:
    Expected(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Expected(Finding error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Finding &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Finding> m_data;
};

} // namespace rs
