<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DiffDetails</name>
    <message>
        <location filename="../ui/diff/diff_details.cpp" line="+56"/>
        <source>%1 added: %2</source>
        <translation>%1 hinzugefügt: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 removed (was %2)</source>
        <translation>%1 entfernt (war %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No .appup needed: the relup adds, removes or leaves the application as it is.</source>
        <translation>Keine .appup-Datei nötig: Das relup fügt die Anwendung hinzu, entfernt sie oder lässt sie unverändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The upgrade is covered by %1.</source>
        <translation>Das Upgrade wird von %1 abgedeckt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No .appup shipped: systools cannot make a relup for this change.</source>
        <translation>Keine .appup-Datei mitgeliefert: systools kann für diese Änderung kein relup erstellen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no entry for the old version.</source>
        <translation>%1 hat keinen Eintrag für die alte Version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 misses parts of the change.</source>
        <translation>In %1 fehlen Teile der Änderung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The contents changed but the version did not: release_handler cannot upgrade it.</source>
        <translation>Der Inhalt hat sich geändert, die Version aber nicht: release_handler kann kein Upgrade durchführen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not read as an appup.</source>
        <translation>%1 lässt sich nicht als Appup lesen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>application %1</source>
        <translation>Anwendung %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>module %1</source>
        <translation>Modul %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Left: the .appup the change needs (generated); right: the one shipped.</source>
        <translation>Links: die .appup-Datei, die die Änderung braucht (erzeugt); rechts: die mitgelieferte.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ERTS</source>
        <translation>ERTS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 member differs</source>
        <translation>1 Eintrag unterscheidet sich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 members differ</source>
        <translation>%1 Einträge unterscheiden sich</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>same code, recompiled</source>
        <translation>gleicher Code, neu kompiliert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modules: %1 changed, %2 added, %3 removed, %4 same</source>
        <translation>Module: %1 geändert, %2 hinzugefügt, %3 entfernt, %4 gleich</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>.app keys</source>
        <translation>.app-Schlüssel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Other files that differ</source>
        <translation>Weitere Dateien mit Unterschieden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Instructions the upgrade needs</source>
        <translation>Für das Upgrade nötige Anweisungen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The same functions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieselben Funktionen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chunks</source>
        <translation>Chunks</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chunk</source>
        <translation>Chunk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Old size</source>
        <translation>Alte Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New size</source>
        <translation>Neue Größe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Code, atoms, literals, imports, exports and funs decide whether the code changed (beam_lib:md5/1); compile info, debug info and line tables do not.</source>
        <translation>Ob sich der Code geändert hat, entscheiden Code, Atome, Literale, Importe, Exporte und Funs (beam_lib:md5/1); Compile-Info, Debug-Info und Zeilentabellen zählen nicht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>absent</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Old: %1</source>
        <translation>Alt: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New: %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BLAKE2b: %1 → %2</source>
        <translation>BLAKE2b: %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lines not compared: %1</source>
        <translation>Nicht verglichene Zeilen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terms</source>
        <translation>Terme</translation>
    </message>
</context>
<context>
    <name>EntryPreview</name>
    <message>
        <location filename="../ui/inspector/entry_preview.cpp" line="+104"/>
        <source>boot script that does not decode</source>
        <translation>Boot-Script, das sich nicht dekodieren lässt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>%1 bytes, binary: %2</source>
        <translation>%1 Bytes, binär: %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>boot script, decoded</source>
        <translation>Boot-Script, dekodiert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>module that does not read</source>
        <translation>Modul, das sich nicht lesen lässt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>module %1</source>
        <translation>Modul %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n export</source>
        <translation>
            <numerusform>%n Export</numerusform>
            <numerusform>%n Exporte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n exports</source>
        <translation>
            <numerusform>%n Export</numerusform>
            <numerusform>%n Exporte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n import</source>
        <translation>
            <numerusform>%n Import</numerusform>
            <numerusform>%n Importe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n imports</source>
        <translation>
            <numerusform>%n Import</numerusform>
            <numerusform>%n Importe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n local function</source>
        <translation>
            <numerusform>%n lokale Funktion</numerusform>
            <numerusform>%n lokale Funktionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n local functions</source>
        <translation>
            <numerusform>%n lokale Funktion</numerusform>
            <numerusform>%n lokale Funktionen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>debug info</source>
        <translation>Debug-Info</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no debug info</source>
        <translation>keine Debug-Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>docs</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>terms, as OTP prints them</source>
        <translation>Terme, wie OTP sie ausgibt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>terms that do not parse</source>
        <translation>Terme, die sich nicht parsen lassen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>external term format, decoded</source>
        <translation>External Term Format, dekodiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VM arguments</source>
        <translation>VM-Argumente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, the first %1 shown</source>
        <translation>, die ersten %1 angezeigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes, binary</source>
        <translation>%1 Bytes, binär</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes: too large to preview (the limit is %2)</source>
        <translation>%1 Bytes: zu groß für die Vorschau (die Grenze liegt bei %2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read the file: %1</source>
        <translation>Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is not in the archive</source>
        <translation>%1 ist nicht im Archiv</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+37"/>
        <source>Release manager for Erlang/OTP and Elixir</source>
        <translation>Release-Verwaltung für Erlang/OTP und Elixir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log debug messages.</source>
        <translation>Debug-Meldungen protokollieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save a picture of the window to FILE once it has loaded, then quit.</source>
        <translation>Nach dem Laden ein Bild des Fensters in FILE speichern und dann beenden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Also search applications in DIR/*/ebin (this session only); repeatable.</source>
        <translation>Anwendungen auch in DIR/*/ebin suchen (nur in dieser Sitzung); mehrfach angebbar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare two releases (directories or tarballs) given as the two file arguments: OLD NEW.</source>
        <translation>Zwei Releases (Verzeichnisse oder Tarballs) vergleichen, angegeben als die beiden Dateiargumente: OLD NEW.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files to open.</source>
        <translation>Zu öffnende Dateien.</translation>
    </message>
</context>
<context>
    <name>rs::ui::AddApplicationDialog</name>
    <message>
        <location filename="../ui/add_application_dialog.cpp" line="+23"/>
        <source>Add the applications they need too</source>
        <translation>Auch die benötigten Anwendungen hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Applications</source>
        <translation>Anwendungen hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by name or description</source>
        <translation>Nach Name oder Beschreibung suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Newest version</source>
        <translation>Neueste Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Select one or more applications.</source>
        <translation>Wählen Sie eine oder mehrere Anwendungen aus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds: %1</source>
        <translation>Fügt hinzu: %1</translation>
    </message>
</context>
<context>
    <name>rs::ui::AppupView</name>
    <message>
        <location filename="../ui/appup_view.cpp" line="+34"/>
        <source>&amp;Generate Appup</source>
        <translation>Appup er&amp;zeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Appup…</source>
        <translation>Appup s&amp;peichern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>nach</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appup (editable)</source>
        <translation>Appup (bearbeitbar)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>relup of the release (identical to systools:make_relup)</source>
        <translation>relup des Releases (identisch mit systools:make_relup)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;No relup&lt;/b&gt;: 1 problem, see Problems.</source>
        <translation>&lt;b&gt;Kein relup&lt;/b&gt;: 1 Problem, siehe Probleme.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;No relup&lt;/b&gt;: %n problems, see Problems.</source>
        <translation>
            <numerusform>&lt;b&gt;Kein relup&lt;/b&gt;: %n Problem, siehe Probleme.</numerusform>
            <numerusform>&lt;b&gt;Kein relup&lt;/b&gt;: %n Probleme, siehe Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 finding, see Problems.</source>
        <translation>1 Befund, siehe Probleme.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n findings, see Problems.</source>
        <translation>
            <numerusform>%n Befund, siehe Probleme.</numerusform>
            <numerusform>%n Befunde, siehe Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>No findings: the appup covers every changed module.</source>
        <translation>Keine Befunde: Das Appup deckt jedes geänderte Modul ab.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save Appup</source>
        <translation>Appup speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appup files (*.appup)</source>
        <translation>Appup-Dateien (*.appup)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No application of this release has another version in the lib dirs: add the directory of the other version in Settings.</source>
        <translation>Keine Anwendung dieses Releases liegt in den Lib-Verzeichnissen in einer anderen Version vor: Fügen Sie das Verzeichnis der anderen Version in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&lt;b&gt;Cannot generate&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Erzeugen nicht möglich&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Generating the relup…</source>
        <translation>Das relup wird erzeugt …</translation>
    </message>
</context>
<context>
    <name>rs::ui::ArchiveTreeModel</name>
    <message>
        <location filename="../ui/inspector/archive_tree_model.cpp" line="+52"/>
        <source>The name is not valid UTF-8: extraction refuses it.</source>
        <translation>Der Name ist kein gültiges UTF-8: Das Entpacken wird verweigert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An absolute path: extraction refuses it.</source>
        <translation>Ein absoluter Pfad: Das Entpacken wird verweigert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path leaves the target directory (&quot;..&quot;): extraction refuses it.</source>
        <translation>Der Pfad verlässt das Zielverzeichnis („..“): Das Entpacken wird verweigert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A symbolic link that may point outside the target directory.</source>
        <translation>Ein symbolischer Link, der möglicherweise aus dem Zielverzeichnis hinauszeigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A device, fifo or socket: extraction refuses it.</source>
        <translation>Ein Gerät, FIFO oder Socket: Das Entpacken wird verweigert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>symlink → %1</source>
        <translation>Symlink → %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hard link → %1</source>
        <translation>Hardlink → %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>special file</source>
        <translation>Spezialdatei</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n byte</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+227"/>
        <source>Mode %1 (octal, as stored)</source>
        <translation>Modus %1 (oktal, wie gespeichert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%L1 bytes</source>
        <translation>%L1 Bytes</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>rs::ui::BuildDialog</name>
    <message>
        <location filename="../ui/build_dialog.cpp" line="+39"/>
        <source>Release &amp;tarball (.tar.gz)</source>
        <translation>Release-&amp;Tarball (.tar.gz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootable target &amp;directory</source>
        <translation>Bootfähiges &amp;Zielverzeichnis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include the &amp;ERTS of the OTP in use</source>
        <translation>ERTS des verwendeten OTP &amp;mitliefern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reproducible (every file dated 1970-01-01)</source>
        <translation>&amp;Reproduzierbar (jede Datei mit Datum 1970-01-01)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Build</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+134"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in &amp;Folder</source>
        <translation>Im &amp;Ordner anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build Release — %1</source>
        <translation>Release erstellen — %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Build:</source>
        <translation>Erstellen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Output:</source>
        <translation>&amp;Ausgabe:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tarballs (*.tar.gz)</source>
        <translation>Tarballs (*.tar.gz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;sys.config:</source>
        <translation>&amp;sys.config:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Config (*.config)</source>
        <translation>Konfiguration (*.config)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;vm.args:</source>
        <translation>&amp;vm.args:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>re&amp;lup:</source>
        <translation>re&amp;lup:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>Choose</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Resolving the release…</source>
        <translation>Das Release wird aufgelöst …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>, about %n s left</source>
        <translation>
            <numerusform>, noch etwa %n s</numerusform>
            <numerusform>, noch etwa %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 MB%3</source>
        <translation>%1 von %2 MB%3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Built %1: %2 files, %3 MB in %4 s.</source>
        <translation>%1 erstellt: %2 Dateien, %3 MB in %4 s.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The build failed&lt;/b&gt;; nothing was written.&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Der Build ist fehlgeschlagen&lt;/b&gt;; es wurde nichts geschrieben.&lt;br&gt;%1</translation>
    </message>
</context>
<context>
    <name>rs::ui::BuildJob</name>
    <message>
        <location filename="../ui/build_job.cpp" line="+67"/>
        <source>No Erlang/OTP found: set its root in Settings</source>
        <translation>Kein Erlang/OTP gefunden: Legen Sie das Stammverzeichnis in den Einstellungen fest</translation>
    </message>
</context>
<context>
    <name>rs::ui::CompareDialog</name>
    <message>
        <location filename="../ui/diff/compare_dialog.cpp" line="+21"/>
        <source>Releases (*.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz *.tar.zst *.zip *.ez);;All files (*)</source>
        <translation>Releases (*.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz *.tar.zst *.zip *.ez);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compare Releases</source>
        <translation>Releases vergleichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Old release:</source>
        <translation>&amp;Altes Release:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New release:</source>
        <translation>&amp;Neues Release:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A release directory or tarball</source>
        <translation>Ein Release-Verzeichnis oder ein Tarball</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File…</source>
        <translation>Datei …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release Tarball</source>
        <translation>Release-Tarball</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder…</source>
        <translation>Ordner …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release Directory</source>
        <translation>Release-Verzeichnis</translation>
    </message>
</context>
<context>
    <name>rs::ui::DependencyGraphView</name>
    <message>
        <location filename="../ui/dependency_graph.cpp" line="+144"/>
        <source>included</source>
        <translation>eingebunden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Start type: %1</source>
        <translation>Starttyp: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start type: %1 (default)</source>
        <translation>Starttyp: %1 (Standard)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Included by %1</source>
        <translation>Eingebunden von %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Needs: %1</source>
        <translation>Benötigt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optionally needs: %1</source>
        <translation>Benötigt optional: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Includes: %1</source>
        <translation>Bindet ein: %1</translation>
    </message>
    <message>
        <location line="+297"/>
        <source>needs</source>
        <translation>benötigt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>includes</source>
        <translation>bindet ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optionally needs</source>
        <translation>benötigt optional</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>permanent</source>
        <translation>permanent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transient, temporary</source>
        <translation>transient, temporary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>load</source>
        <translation>load</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+324"/>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit to View</source>
        <translation>An Ansicht anpassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide Implied Dependencies</source>
        <translation>Implizite Abhängigkeiten ausblenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show Legend</source>
        <translation>Legende anzeigen</translation>
    </message>
    <message>
        <location line="+334"/>
        <source>No release</source>
        <translation>Kein Release</translation>
    </message>
</context>
<context>
    <name>rs::ui::DiffOverview</name>
    <message>
        <location filename="../ui/diff/diff_overview.cpp" line="+18"/>
        <source>Every change in the file; click to go there</source>
        <translation>Alle Änderungen in der Datei; zum Hinspringen klicken</translation>
    </message>
</context>
<context>
    <name>rs::ui::DiffPane</name>
    <message>
        <location filename="../ui/diff/diff_pane.cpp" line="+50"/>
        <source>⋯ 1 unchanged line</source>
        <translation>⋯ 1 unveränderte Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⋯ %1 unchanged lines</source>
        <translation>⋯ %1 unveränderte Zeilen</translation>
    </message>
</context>
<context>
    <name>rs::ui::DiffTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/diff/diff_tree_model.cpp" line="+49"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modules: %1</source>
        <translation>Module: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>appup: %1</source>
        <translation>appup: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>same code, recompiled</source>
        <translation>gleicher Code, neu kompiliert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>code changed</source>
        <translation>Code geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exports %1</source>
        <translation>Exporte %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>same meaning</source>
        <translation>gleiche Bedeutung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mode %1 → %2</source>
        <translation>Modus %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>link → %1</source>
        <translation>Link → %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 term</source>
        <translation>1 Term</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 terms</source>
        <translation>%1 Terme</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Release files</source>
        <translation>Release-Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ERTS</source>
        <translation>ERTS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other files</source>
        <translation>Weitere Dateien</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>same code</source>
        <translation>gleicher Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>equivalent</source>
        <translation>gleichwertig</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>rs::ui::DiffView</name>
    <message>
        <location filename="../ui/diff/diff_view.cpp" line="+102"/>
        <source>&amp;Save Report…</source>
        <translation>&amp;Bericht speichern …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The release note (text) or the JSON report of this comparison, as relstudio-cli diff writes them</source>
        <translation>Die Release-Notiz (Text) oder den JSON-Bericht dieses Vergleichs, wie relstudio-cli diff sie schreibt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Hide unchanged</source>
        <translation>&amp;Nur Änderungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ignore globs, e.g. *.so priv/** (Enter compares again)</source>
        <translation>Ignorieren: z. B. *.so priv/** (Enter vergleicht neu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members left out of the comparison, as relstudio-cli diff --ignore takes them: &apos;*&apos; and &apos;?&apos; within a path component, &apos;**&apos; across components; a glob without &apos;/&apos; also matches any component.</source>
        <translation>Einträge, die beim Vergleich ausgelassen werden, in der Schreibweise von relstudio-cli diff --ignore: &apos;*&apos; und &apos;?&apos; innerhalb einer Pfadkomponente, &apos;**&apos; über Komponenten hinweg; ein Glob ohne &apos;/&apos; passt auch auf jede einzelne Komponente.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Next Change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous Change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Comparing %1 with %2</source>
        <translation>%1 wird mit %2 verglichen</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>there is no comparison to save</source>
        <translation>es gibt keinen Vergleich zum Speichern</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Release note (*.txt *.md);;JSON (*.json)</source>
        <translation>Release-Notiz (*.txt *.md);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&lt;i&gt;Comparing…&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wird verglichen …&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;i&gt;Choose two releases (directories or tarballs) to compare.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie zwei Releases (Verzeichnisse oder Tarballs) zum Vergleichen.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 added</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 same</source>
        <translation>%1 gleich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 recompiled with the same code</source>
        <translation>%1 mit gleichem Code neu kompiliert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>modules: %1</source>
        <translation>Module: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>files: %1</source>
        <translation>Dateien: %1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>&lt;i&gt;The two releases are the same.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Die beiden Releases sind gleich.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;i&gt;Select an application, module or file. F7 goes to the next change.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Anwendung, ein Modul oder eine Datei. F7 springt zur nächsten Änderung.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Needed by the change (generated)</source>
        <translation>Von der Änderung benötigt (erzeugt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped: none</source>
        <translation>Mitgeliefert: keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped: %1</source>
        <translation>Mitgeliefert: %1</translation>
    </message>
</context>
<context>
    <name>rs::ui::InspectorView</name>
    <message>
        <location filename="../ui/inspector/inspector_view.cpp" line="+133"/>
        <source>Extract…</source>
        <translation>Entpacken …</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+541"/>
        <source>Extract the selected files and folders into a directory (safely: nothing is written outside it)</source>
        <translation>Die ausgewählten Dateien und Ordner in ein Verzeichnis entpacken (sicher: Außerhalb davon wird nichts geschrieben)</translation>
    </message>
    <message>
        <location line="-506"/>
        <source>Filter by name (Ctrl+F)</source>
        <translation>Nach Name filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+278"/>
        <source>&lt;b&gt;Warnings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warnungen&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>&lt;i&gt;Select a file to see what it holds.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Datei, um ihren Inhalt zu sehen.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Inspecting %1</source>
        <translation>%1 wird untersucht</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot read it</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&lt;i&gt;Open a release tarball, .ez archive or release directory.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Öffnen Sie einen Release-Tarball, ein .ez-Archiv oder ein Release-Verzeichnis.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt;%2reading…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;%2wird gelesen …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ERTS %1</source>
        <translation>ERTS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no release</source>
        <translation>kein Release</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n application</source>
        <translation>
            <numerusform>%n Anwendung</numerusform>
            <numerusform>%n Anwendungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n applications</source>
        <translation>
            <numerusform>%n Anwendung</numerusform>
            <numerusform>%n Anwendungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n module</source>
        <translation>
            <numerusform>%n Modul</numerusform>
            <numerusform>%n Module</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n modules</source>
        <translation>
            <numerusform>%n Modul</numerusform>
            <numerusform>%n Module</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n entry</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>relup: up from %1, down to %2</source>
        <translation>relup: Upgrade von %1, Downgrade auf %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1
release read from %2</source>
        <translation>%1
Release gelesen aus %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&lt;b&gt;Warnings (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warnungen (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No warnings.</source>
        <translation>Keine Warnungen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1
Double-click to select %2</source>
        <translation>%1
Doppelklick wählt %2 aus</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No applications under lib/</source>
        <translation>Keine Anwendungen unter lib/</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size per application</source>
        <translation>Größe pro Anwendung</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1 %2: %3, %n module</source>
        <translation>
            <numerusform>%1 %2: %3, %n Modul</numerusform>
            <numerusform>%1 %2: %3, %n Module</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 %2: %3, %n modules</source>
        <translation>
            <numerusform>%1 %2: %3, %n Modul</numerusform>
            <numerusform>%1 %2: %3, %n Module</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n other</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n others</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n other application: %1</source>
        <translation>
            <numerusform>%n weitere Anwendung: %1</numerusform>
            <numerusform>%n weitere Anwendungen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n other applications: %1</source>
        <translation>
            <numerusform>%n weitere Anwendung: %1</numerusform>
            <numerusform>%n weitere Anwendungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Size per application (%1)</source>
        <translation>Größe pro Anwendung (%1)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>A release directory is already extracted</source>
        <translation>Ein Release-Verzeichnis ist bereits entpackt</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>symbolic link</source>
        <translation>symbolischer Link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>symbolic link to %1
</source>
        <translation>symbolischer Link auf %1
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hard link</source>
        <translation>Hardlink</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hard link to %1 (the same file)
</source>
        <translation>Hardlink auf %1 (dieselbe Datei)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>special file</source>
        <translation>Spezialdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device, fifo or socket (mode %1): extraction refuses it
</source>
        <translation>ein Gerät, FIFO oder Socket (Modus %1): Das Entpacken wird verweigert
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; reading…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; wird gelesen …</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1/
  %n file</source>
        <translation>
            <numerusform>%1/
  %n Datei</numerusform>
            <numerusform>%1/
  %n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1/
  %n files</source>
        <translation>
            <numerusform>%1/
  %n Datei</numerusform>
            <numerusform>%1/
  %n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n folder</source>
        <translation>
            <numerusform>, %n Ordner</numerusform>
            <numerusform>, %n Ordner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>, %n folders</source>
        <translation>
            <numerusform>, %n Ordner</numerusform>
            <numerusform>, %n Ordner</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>application</source>
        <translation>Anwendung</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>
application %1 %2
  %n module</source>
        <translation>
            <numerusform>
Anwendung %1 %2
  %n Modul</numerusform>
            <numerusform>
Anwendung %1 %2
  %n Module</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>
application %1 %2
  %n modules</source>
        <translation>
            <numerusform>
Anwendung %1 %2
  %n Modul</numerusform>
            <numerusform>
Anwendung %1 %2
  %n Module</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
  ebin/%1.app present
</source>
        <translation>
  ebin/%1.app vorhanden
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>
  no ebin/%1.app: it cannot be loaded
</source>
        <translation>
  keine ebin/%1.app: Die Anwendung kann nicht geladen werden
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
release %1 %2, ERTS %3
</source>
        <translation>
Release %1 %2, ERTS %3
</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>Extract %n item into</source>
        <translation>
            <numerusform>%n Eintrag entpacken nach</numerusform>
            <numerusform>%n Einträge entpacken nach</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Extract %n items into</source>
        <translation>
            <numerusform>%n Eintrag entpacken nach</numerusform>
            <numerusform>%n Einträge entpacken nach</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an extraction is already running</source>
        <translation>es wird bereits entpackt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a release directory cannot be extracted</source>
        <translation>ein Release-Verzeichnis kann nicht entpackt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing selected</source>
        <translation>nichts ausgewählt</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Extracting %n item</source>
        <translation>
            <numerusform>%n Eintrag wird entpackt</numerusform>
            <numerusform>%n Einträge werden entpackt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Extracting %n items</source>
        <translation>
            <numerusform>%n Eintrag wird entpackt</numerusform>
            <numerusform>%n Einträge werden entpackt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Extracted %n file</source>
        <translation>
            <numerusform>Entpackt: %n Datei</numerusform>
            <numerusform>Entpackt: %n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Extracted %n files</source>
        <translation>
            <numerusform>Entpackt: %n Datei</numerusform>
            <numerusform>Entpackt: %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1) to %2</source>
        <translation> (%1) nach %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extraction cancelled: nothing was left behind</source>
        <translation>Entpacken abgebrochen: Es wurde nichts zurückgelassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extraction refused: %1</source>
        <translation>Entpacken verweigert: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Extract</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expand All Below</source>
        <translation>Alles darunter aufklappen</translation>
    </message>
</context>
<context>
    <name>rs::ui::JobPanel</name>
    <message>
        <location filename="../ui/job_panel.cpp" line="+14"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>rs::ui::JobsDock</name>
    <message>
        <location filename="../ui/jobs_dock.cpp" line="+14"/>
        <location line="+71"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Jobs (%1 running)</source>
        <translation>Jobs (%1 aktiv)</translation>
    </message>
</context>
<context>
    <name>rs::ui::LogDock</name>
    <message>
        <location filename="../ui/log_dock.cpp" line="+85"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show messages of this level and above</source>
        <translation>Meldungen ab dieser Stufe anzeigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove all messages</source>
        <translation>Alle Meldungen entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Level:</source>
        <translation>&amp;Stufe:</translation>
    </message>
</context>
<context>
    <name>rs::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+66"/>
        <location line="+421"/>
        <source>Relstudio</source>
        <translation>Relstudio</translation>
    </message>
    <message>
        <location line="-401"/>
        <source>Scanning lib dirs…</source>
        <translation>Lib-Verzeichnisse werden durchsucht …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan lib dirs and the OTP</source>
        <translation>Lib-Verzeichnisse und OTP durchsuchen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>1 application found; OTP %1 (ERTS %2) in %3</source>
        <translation>1 Anwendung gefunden; OTP %1 (ERTS %2) in %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n applications found; OTP %1 (ERTS %2) in %3</source>
        <translation>
            <numerusform>%n Anwendung gefunden; OTP %1 (ERTS %2) in %3</numerusform>
            <numerusform>%n Anwendungen gefunden; OTP %1 (ERTS %2) in %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Erlang/OTP found: set its root in Settings</source>
        <translation>Kein Erlang/OTP gefunden: Legen Sie das Stammverzeichnis in den Einstellungen fest</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Release</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Regenerate Preview</source>
        <translation>Vorschau &amp;neu erzeugen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add Applications…</source>
        <translation>&amp;Anwendungen hinzufügen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Build Release…</source>
        <translation>Release &amp;erstellen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect Tarball or Directory…</source>
        <translation>Tarball oder Verzeichnis &amp;untersuchen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Releases (*.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz *.tar.zst *.zip *.ez);;All files (*)</source>
        <translation>Releases (*.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz *.tar.zst *.zip *.ez);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Compare Releases…</source>
        <translation>Releases &amp;vergleichen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dependency &amp;Graph</source>
        <translation>Abhängigkeits&amp;graph</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Appup and Relup…</source>
        <translation>A&amp;ppup und Relup …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;scan Lib Dirs</source>
        <translation>Lib-Verzeichnisse neu &amp;durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Larger Font</source>
        <translation>&amp;Größere Schrift</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Smaller Font</source>
        <translation>&amp;Kleinere Schrift</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lib Dirs and OTP…</source>
        <translation>&amp;Lib-Verzeichnisse und OTP …</translation>
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
        <location line="+27"/>
        <source>%1: no such file</source>
        <translation>%1: Datei existiert nicht</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+28"/>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+28"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release files (*.rel *.app *.appup *.script *.boot *.config relup RELEASES);;All files (*)</source>
        <translation>Release-Dateien (*.rel *.app *.appup *.script *.boot *.config relup RELEASES);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Save Release</source>
        <translation>Release speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release files (*.rel)</source>
        <translation>Release-Dateien (*.rel)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 enthält ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1%2 — Relstudio</source>
        <translation>%1%2 — Relstudio</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open a .rel file to build its release.</source>
        <translation>Öffnen Sie eine .rel-Datei, um ihr Release zu erstellen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save before building?</source>
        <translation>Vor dem Erstellen speichern?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The release is built from the saved .rel file. Save %1 now?</source>
        <translation>Das Release wird aus der gespeicherten .rel-Datei erstellt. %1 jetzt speichern?</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot compare %1 with %2: %3</source>
        <translation>%1 kann nicht mit %2 verglichen werden: %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (inspect)</source>
        <translation>%1 (Untersuchung)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 warning in %1</source>
        <translation>1 Warnung in %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warnings in %1</source>
        <translation>
            <numerusform>%n Warnung in %1</numerusform>
            <numerusform>%n Warnungen in %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot inspect %1: %2</source>
        <translation>%1 kann nicht untersucht werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a valid .rel file to see its dependency graph.</source>
        <translation>Öffnen Sie eine gültige .rel-Datei, um ihren Abhängigkeitsgraphen zu sehen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The release does not resolve: see Problems.</source>
        <translation>Das Release lässt sich nicht auflösen: siehe Probleme.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (graph)</source>
        <translation>%1 (Graph)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a valid .rel file to see the upgrades of its applications.</source>
        <translation>Öffnen Sie eine gültige .rel-Datei, um die Upgrades ihrer Anwendungen zu sehen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (appup/relup)</source>
        <translation>%1 (appup/relup)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;h3&gt;Relstudio %1&lt;/h3&gt;&lt;p&gt;A release manager for Erlang/OTP and Elixir.&lt;/p&gt;&lt;p&gt;What it generates is what OTP&apos;s systools generates, byte for byte.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Relstudio %1&lt;/h3&gt;&lt;p&gt;Eine Release-Verwaltung für Erlang/OTP und Elixir.&lt;/p&gt;&lt;p&gt;Was es erzeugt, stimmt Byte für Byte mit dem überein, was systools von OTP erzeugt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>About Relstudio</source>
        <translation>Über Relstudio</translation>
    </message>
</context>
<context>
    <name>rs::ui::ProblemsDock</name>
    <message>
        <location filename="../ui/problems_dock.cpp" line="+52"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n error</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n info message</source>
        <translation>
            <numerusform>%n Infomeldung</numerusform>
            <numerusform>%n Infomeldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n info messages</source>
        <translation>
            <numerusform>%n Infomeldung</numerusform>
            <numerusform>%n Infomeldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
</context>
<context>
    <name>rs::ui::ReleaseDocument</name>
    <message>
        <location filename="../ui/release_document.cpp" line="+103"/>
        <source>untitled.rel</source>
        <translation>unbenannt.rel</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the .rel file holds no term</source>
        <translation>die .rel-Datei enthält keinen Term</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Typing</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Change version of %1</source>
        <translation>Version von %1 ändern</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change start type of %1</source>
        <translation>Starttyp von %1 ändern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change included applications of %1</source>
        <translation>Eingebundene Anwendungen von %1 ändern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Add %n applications</source>
        <translation>
            <numerusform>%n Anwendung hinzufügen</numerusform>
            <numerusform>%n Anwendungen hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move application</source>
        <translation>Anwendung verschieben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rename release</source>
        <translation>Release umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change release version</source>
        <translation>Release-Version ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change ERTS version</source>
        <translation>ERTS-Version ändern</translation>
    </message>
</context>
<context>
    <name>rs::ui::ReleaseEditor</name>
    <message>
        <location filename="../ui/release_editor.cpp" line="+122"/>
        <source>&amp;Release:</source>
        <translation>Re&amp;lease:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;ERTS:</source>
        <translation>ER&amp;TS:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add…</source>
        <translation>Hinzufügen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add applications and what they need (Ctrl+Shift+A)</source>
        <translation>Anwendungen samt ihren Abhängigkeiten hinzufügen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected application (Delete)</source>
        <translation>Die ausgewählte Anwendung entfernen (Entf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected application up (Alt+Up)</source>
        <translation>Die ausgewählte Anwendung nach oben verschieben (Alt+↑)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected application down (Alt+Down)</source>
        <translation>Die ausgewählte Anwendung nach unten verschieben (Alt+↓)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>.script</source>
        <translation>.script</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start.boot (decoded)</source>
        <translation>start.boot (dekodiert)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Generating…</source>
        <translation>Wird erzeugt …</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Generated in %1 ms: %2.script (%3 bytes), start.boot (%4 bytes), identical to systools:make_script.</source>
        <translation>In %1 ms erzeugt: %2.script (%3 Bytes), start.boot (%4 Bytes), identisch mit systools:make_script.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;Out of date&lt;/b&gt; — 1 error: %1</source>
        <translation>&lt;b&gt;Veraltet&lt;/b&gt; — 1 Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;Out of date&lt;/b&gt; — %n errors, the first: %1</source>
        <translation>
            <numerusform>&lt;b&gt;Veraltet&lt;/b&gt; — %n Fehler: %1</numerusform>
            <numerusform>&lt;b&gt;Veraltet&lt;/b&gt; — %n Fehler, der erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+4"/>
        <source>Cannot add</source>
        <translation>Hinzufügen nicht möglich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix the errors in the .rel text first.</source>
        <translation>Beheben Sie zuerst die Fehler im .rel-Text.</translation>
    </message>
</context>
<context>
    <name>rs::ui::ReleaseTableModel</name>
    <message>
        <location filename="../ui/release_table_model.cpp" line="+89"/>
        <source>%1 is not in the lib dirs or the OTP</source>
        <translation>%1 ist weder in den Lib-Verzeichnissen noch im OTP vorhanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 not found; found %3</source>
        <translation>%1 %2 nicht gefunden; gefunden: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the .app file; edit to override it in the .rel</source>
        <translation>Aus der .app-Datei; bearbeiten, um den Wert in der .rel-Datei zu überschreiben</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start type</source>
        <translation>Starttyp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Included applications</source>
        <translation>Eingebunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>rs::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="+18"/>
        <source>Lib Dirs and OTP</source>
        <translation>Lib-Verzeichnisse und OTP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The OTP of &apos;erl&apos; on PATH</source>
        <translation>Das OTP von &apos;erl&apos; im PATH</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a lib dir</source>
        <translation>Lib-Verzeichnis hinzufügen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OTP root</source>
        <translation>OTP-Stammverzeichnis</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Applications are searched in DIR/*/ebin of each lib dir, in this order, then in the OTP&apos;s lib/. Give OTP&apos;s lib, rebar3&apos;s _build/PROFILE/lib or mix&apos;s _build/ENV/lib.</source>
        <translation>Anwendungen werden in DIR/*/ebin jedes Lib-Verzeichnisses gesucht, in dieser Reihenfolge, danach in lib/ des OTP. Geben Sie das lib von OTP, _build/PROFILE/lib von rebar3 oder _build/ENV/lib von mix an.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lib dirs:</source>
        <translation>Lib-Verzeichnisse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OTP root:</source>
        <translation>OTP-Stammverzeichnis:</translation>
    </message>
</context>
<context>
    <name>rs::ui::SideBySideDiff</name>
    <message>
        <location filename="../ui/diff/side_by_side_diff.cpp" line="+154"/>
        <source>No line changes</source>
        <translation>Keine Zeilenänderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change %1 of %2</source>
        <translation>Änderung %1 von %2</translation>
    </message>
</context>
</TS>
