#pragma once

#include <QString>
#include <QStringView>

namespace rs::release {

struct LibDirName
{
    QString name;
    QString vsn; // empty when the directory has no "-VSN"
};

// lib/NAME-VSN read as OTP's code server reads it (code:lib_dir/1): the name ends at the first
// '-', so a version may hold '-' as semver pre-releases do (myapp-1.0.0-rc.1 is myapp 1.0.0-rc.1).
// Application names have no '-': mix and rebar3 refuse them.
LibDirName splitLibDirName(QStringView dir);

} // namespace rs::release
