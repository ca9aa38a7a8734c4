<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+20"/>
        <source>Release manager for Erlang/OTP and Elixir</source>
        <translation>Release-Verwaltung für Erlang/OTP und Elixir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log debug messages.</source>
        <translation>Debug-Meldungen protokollieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files to open.</source>
        <translation>Zu öffnende Dateien.</translation>
    </message>
</context>
<context>
    <name>rs::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+21"/>
        <source>Relstudio</source>
        <translation>Relstudio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a release file (.rel, .app, .script, sys.config …) with File ▸ Open.</source>
        <translation>Öffnen Sie eine Release-Datei (.rel, .app, .script, sys.config …) über Datei ▸ Öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Relstudio</source>
        <translation>Ü&amp;ber Relstudio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a release file</source>
        <translation>Release-Datei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erlang term files (*.rel *.app *.appup *.script *.config relup RELEASES);;All files (*)</source>
        <translation>Erlang-Term-Dateien (*.rel *.app *.appup *.script *.config relup RELEASES);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — Relstudio</source>
        <translation>%1 — Relstudio</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n term(s) read from %1</source>
        <translation>
            <numerusform>%n Term aus %1 gelesen</numerusform>
            <numerusform>%n Terme aus %1 gelesen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Relstudio</source>
        <translation>Über Relstudio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Relstudio %1&lt;/h3&gt;&lt;p&gt;A release manager for Erlang/OTP and Elixir.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Relstudio %1&lt;/h3&gt;&lt;p&gt;Eine Release-Verwaltung für Erlang/OTP und Elixir.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
