#pragma once

#include <QColor>
#include <QPalette>

namespace rs::ui {

// a blended towards b: 0 gives a, 1 gives b.
inline QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    const auto blend = [amountOfB](float x, float y) { return float(x + (y - x) * amountOfB); };
    return QColor::fromRgbF(blend(a.redF(), b.redF()), blend(a.greenF(), b.greenF()),
                            blend(a.blueF(), b.blueF()), blend(a.alphaF(), b.alphaF()));
}

inline bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace rs::ui
