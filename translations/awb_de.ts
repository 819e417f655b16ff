<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>awb::ui</name>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="38"/>
        <source>&quot;%1&quot; is not a JSON Schema type; use one of array, boolean, integer, null, number, object, string</source>
        <translation>„%1“ ist kein JSON-Schema-Typ; verwenden Sie array, boolean, integer, null, number, object oder string</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="59"/>
        <source>the draft-07 meta-schema is missing from this build</source>
        <translation>das Draft-07-Metaschema fehlt in diesem Build</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="84"/>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location filename="../ui/session/ProviderSelection.cpp" line="30"/>
        <source>There is no provider profile &quot;%1&quot;: create it in Settings (Ctrl+,) under Providers, or pick another provider in the toolbar.</source>
        <translation>Es gibt kein Anbieterprofil „%1“: Legen Sie es unter Einstellungen (Strg+,) &gt; Anbieter an oder wählen Sie in der Werkzeugleiste einen anderen Anbieter.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="23"/>
        <source>Run %1 is not in this workspace.</source>
        <translation>Lauf %1 gehört nicht zu diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="127"/>
        <source>Run %1 replays run %2, which cannot be read: %3</source>
        <translation>Lauf %1 wiederholt Lauf %2, der nicht gelesen werden kann: %3</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="151"/>
        <source>The run could not start</source>
        <translation>Der Lauf konnte nicht starten</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="154"/>
        <source>The message could not be sent</source>
        <translation>Die Nachricht konnte nicht gesendet werden</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="157"/>
        <source>The run could not be resumed</source>
        <translation>Der Lauf konnte nicht fortgesetzt werden</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="160"/>
        <source>The replay could not start</source>
        <translation>Die Wiederholung konnte nicht starten</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="165"/>
        <source>Enter the key of that profile in Settings (Ctrl+,) under Providers and press Store in Keychain, then try again.</source>
        <translation>Geben Sie den Schlüssel dieses Profils unter Einstellungen (Strg+,) &gt; Anbieter ein, drücken Sie „Im Schlüsselbund speichern“ und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="168"/>
        <source>Unlock the keychain, then try again.</source>
        <translation>Entsperren Sie den Schlüsselbund und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="170"/>
        <source>Start a keychain service (Secret Service, e.g. GNOME Keyring), or pick the scripted provider in the toolbar.</source>
        <translation>Starten Sie einen Schlüsselbunddienst (Secret Service, z. B. GNOME Keyring) oder wählen Sie in der Werkzeugleiste den geskripteten Anbieter.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="173"/>
        <source>Complete the profile in Settings (Ctrl+,) under Providers, then try again.</source>
        <translation>Vervollständigen Sie das Profil unter Einstellungen (Strg+,) &gt; Anbieter und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="174"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="181"/>
        <source>Your message is still in the input field.</source>
        <translation>Ihre Nachricht steht noch im Eingabefeld.</translation>
    </message>
</context>
<context>
    <name>awb::ui::ApprovalPanel</name>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="27"/>
        <source>External effect: acts outside this workspace (for example, sends an email) and cannot be undone.</source>
        <translation>Externe Wirkung: wirkt außerhalb dieses Arbeitsbereichs (sendet zum Beispiel eine E-Mail) und lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="30"/>
        <source>Write: changes data; repeating it changes nothing more.</source>
        <translation>Schreibend: ändert Daten; eine Wiederholung ändert nichts weiter.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="32"/>
        <source>Read only.</source>
        <translation>Nur lesend.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="70"/>
        <source>Cannot show the attachment: %1</source>
        <translation>Der Anhang kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="78"/>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="227"/>
        <source>&amp;Edit Arguments</source>
        <translation>Argumente &amp;bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="79"/>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="80"/>
        <source>Re&amp;ject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="85"/>
        <source>Approval request</source>
        <translation>Freigabeanfrage</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="106"/>
        <source>Arguments of the tool call</source>
        <translation>Argumente des Werkzeugaufrufs</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="112"/>
        <source>Why the decision was not recorded</source>
        <translation>Warum die Entscheidung nicht gespeichert wurde</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="121"/>
        <source>Edit the arguments before deciding</source>
        <translation>Bearbeiten Sie die Argumente, bevor Sie entscheiden</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="124"/>
        <source>Approve this tool call</source>
        <translation>Diesen Werkzeugaufruf freigeben</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="127"/>
        <source>Reject this tool call</source>
        <translation>Diesen Werkzeugaufruf ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="132"/>
        <source>Preview of the attached PDF</source>
        <translation>Vorschau der angehängten PDF-Datei</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="147"/>
        <source>Arguments, exactly as the tool will receive them:</source>
        <translation>Argumente, genau so, wie das Werkzeug sie erhält:</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="184"/>
        <source>Attachment: %1 (1 page)</source>
        <translation>Anhang: %1 (1 Seite)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="185"/>
        <source>Attachment: %1 (%2 pages)</source>
        <translation>Anhang: %1 (%2 Seiten)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="189"/>
        <source>Cannot show %1: the file is not a readable PDF.</source>
        <translation>%1 kann nicht angezeigt werden: Die Datei ist keine lesbare PDF-Datei.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="201"/>
        <source>Approve the call of %1?</source>
        <translation>Aufruf von %1 freigeben?</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="227"/>
        <source>&amp;Discard Edits</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="260"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditFilterBar</name>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="28"/>
        <source>Search entries</source>
        <translation>Einträge durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="29"/>
        <source>Search data, actor, kind, run…</source>
        <translation>Daten, Akteur, Art, Lauf suchen …</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="33"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="33"/>
        <source>Any run</source>
        <translation>Alle Läufe</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="34"/>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="34"/>
        <source>Any actor</source>
        <translation>Alle Akteure</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="35"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="35"/>
        <source>Any kind</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="36"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="36"/>
        <source>Any tool</source>
        <translation>Alle Werkzeuge</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="41"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="42"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="66"/>
        <source>Filter %1</source>
        <translation>%1 filtern</translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditModel</name>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="273"/>
        <source>This entry failed verification</source>
        <translation>Dieser Eintrag hat die Prüfung nicht bestanden</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="306"/>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="308"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="310"/>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="312"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="314"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="316"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditView</name>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="107"/>
        <source>Could not verify the audit trail: %1</source>
        <translation>Das Prüfprotokoll konnte nicht verifiziert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="75"/>
        <source>the workspace has no id to look it up by</source>
        <translation>der Arbeitsbereich hat keine ID, unter der er zu finden wäre</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="83"/>
        <source>none is stored yet; the next run writes one</source>
        <translation>noch keiner gespeichert; der nächste Lauf schreibt einen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="128"/>
        <source>Cannot export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="154"/>
        <location filename="../ui/audit/AuditTasks.cpp" line="157"/>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="161"/>
        <source>Exported %1 entries to %2</source>
        <translation>%1 Einträge nach %2 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="164"/>
        <source>Exported the audit trail to %1</source>
        <translation>Prüfprotokoll nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="192"/>
        <source>Anchored in the keychain at entry %1 (written %2)</source>
        <translation>Im Schlüsselbund verankert bei Eintrag %1 (geschrieben %2)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="198"/>
        <source>Not anchored: %1</source>
        <translation>Nicht verankert: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="215"/>
        <source>Not verified: %1</source>
        <translation>Nicht verifiziert: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="217"/>
        <source>Intact: %1 entries verified; head %2</source>
        <translation>Intakt: %1 Einträge verifiziert; Kopf %2</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="221"/>
        <source>Altered: %1</source>
        <translation>Verändert: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="222"/>
        <source>Altered at entry %1: %2</source>
        <translation>Verändert bei Eintrag %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="48"/>
        <source>Audit trail</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="54"/>
        <source>Verification status</source>
        <translation>Verifizierungsstatus</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="60"/>
        <source>Audit entries</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="71"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="74"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="86"/>
        <source>Selected entry as canonical JSON</source>
        <translation>Ausgewählter Eintrag als kanonisches JSON</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="89"/>
        <source>Select an entry to see it as signed.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn so zu sehen, wie er signiert wurde.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="102"/>
        <source>Entries shown</source>
        <translation>Angezeigte Einträge</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="105"/>
        <source>Progress of the audit task</source>
        <translation>Fortschritt der Protokollaufgabe</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="110"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="112"/>
        <source>Cancel the audit task</source>
        <translation>Protokollaufgabe abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="117"/>
        <source>Outcome of the last export</source>
        <translation>Ergebnis des letzten Exports</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="121"/>
        <source>Anchor of the trail in the keychain</source>
        <translation>Anker des Prüfprotokolls im Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="123"/>
        <source>The trail&apos;s last head, kept in the keychain beside its key: Verify uses it to find a trail that was cut off, emptied or replaced by an older copy.</source>
        <translation>Der letzte Kopf des Prüfprotokolls, im Schlüsselbund neben seinem Schlüssel aufbewahrt: „Verifizieren“ erkennt damit ein Protokoll, das gekürzt, geleert oder durch eine ältere Kopie ersetzt wurde.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="155"/>
        <location filename="../ui/audit/AuditView.cpp" line="251"/>
        <source>Not verified yet. Verify checks every entry&apos;s signature and link.</source>
        <translation>Noch nicht verifiziert. „Verifizieren“ prüft die Signatur und Verknüpfung jedes Eintrags.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="187"/>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="188"/>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="189"/>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="191"/>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="193"/>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="197"/>
        <source>Show All</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="199"/>
        <source>Show the whole trail</source>
        <translation>Gesamtes Protokoll anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="205"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="207"/>
        <source>Refresh the audit trail</source>
        <translation>Prüfprotokoll aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="210"/>
        <source>Verify</source>
        <translation>Verifizieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="212"/>
        <source>Verify the audit trail</source>
        <translation>Prüfprotokoll verifizieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="213"/>
        <source>Check every entry&apos;s signature and link to the one before</source>
        <translation>Signatur jedes Eintrags und seine Verknüpfung mit dem vorherigen prüfen</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="217"/>
        <source>Export the audit trail</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="218"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="224"/>
        <source>Whole Trail as JSONL (verifiable)…</source>
        <translation>Gesamtes Protokoll als JSONL (verifizierbar) …</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="228"/>
        <source>Filtered Entries as CSV…</source>
        <translation>Gefilterte Einträge als CSV …</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="321"/>
        <source>From entry %1 on</source>
        <translation>Ab Eintrag %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="322"/>
        <source>From entry %1 back</source>
        <translation>Von Eintrag %1 rückwärts</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="346"/>
        <source>No workspace open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="354"/>
        <source>Showing %1 of %2 entries</source>
        <translation>%1 von %2 Einträgen werden angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="355"/>
        <source>Showing %1 of %2 matching entries</source>
        <translation>%1 von %2 passenden Einträgen werden angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="357"/>
        <source>Showing %1 entries</source>
        <translation>%1 Einträge werden angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="359"/>
        <source> — loading…</source>
        <translation> — wird geladen …</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="432"/>
        <source>Verifying every entry…</source>
        <translation>Alle Einträge werden verifiziert …</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="434"/>
        <source>Verifying</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="441"/>
        <location filename="../ui/audit/AuditView.cpp" line="448"/>
        <source>Exporting</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="455"/>
        <source>Export Filtered Entries as CSV</source>
        <translation>Gefilterte Einträge als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="455"/>
        <source>Export the Audit Trail as JSONL</source>
        <translation>Prüfprotokoll als JSONL exportieren</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="457"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="457"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="499"/>
        <source>Verification cancelled; the trail was not checked.</source>
        <translation>Verifizierung abgebrochen; das Protokoll wurde nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="500"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>awb::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="47"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="47"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="50"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="52"/>
        <source>Request to the agent</source>
        <translation>Auftrag an den Agenten</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="54"/>
        <source>Describe the task, e.g. &quot;Reconcile Q3 revenue against the ERP ledger&quot;; after an answer, a new message continues the conversation</source>
        <translation>Beschreiben Sie die Aufgabe, z. B. „Q3-Umsatz mit dem ERP-Hauptbuch abgleichen“; nach einer Antwort setzt eine neue Nachricht die Unterhaltung fort</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="58"/>
        <source>Run the agent</source>
        <translation>Agenten ausführen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="62"/>
        <source>Stop the run</source>
        <translation>Lauf stoppen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="160"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/chat/ChatView.cpp" line="162"/>
        <source>%n retry(s)</source>
        <translation>
            <numerusform>%n Wiederholung</numerusform>
            <numerusform>%n Wiederholungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="164"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="179"/>
        <source>%1 rejected by %2: the call does not run</source>
        <translation>%1 abgelehnt von %2: Der Aufruf wird nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="191"/>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="201"/>
        <source>Check that the model server at that address is running and reachable, or pick another provider in the toolbar, then send the message again.</source>
        <translation>Prüfen Sie, ob der Modellserver unter dieser Adresse läuft und erreichbar ist, oder wählen Sie in der Werkzeugleiste einen anderen Anbieter, und senden Sie die Nachricht dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="204"/>
        <source>Store the right key for the profile in Settings (Ctrl+,) under Providers, then send the message again.</source>
        <translation>Speichern Sie den richtigen Schlüssel für das Profil unter Einstellungen (Strg+,) &gt; Anbieter und senden Sie die Nachricht dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="212"/>
        <source> (scripted model)</source>
        <translation> (geskriptetes Modell)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="213"/>
        <source>%1 · %2 tokens (%3 in, %4 out) · US$%5</source>
        <translation>%1 · %2 Tokens (%3 Eingabe, %4 Ausgabe) · US$%5</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="242"/>
        <source>&lt;h3&gt;Agent Workbench&lt;/h3&gt;&lt;p&gt;Pick an agent in the toolbar, describe the task below and press &lt;b&gt;Run&lt;/b&gt;. The answer streams in here, every tool call shows as one line with its status, and a call that needs your approval waits here until you decide.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Agent Workbench&lt;/h3&gt;&lt;p&gt;Wählen Sie in der Werkzeugleiste einen Agenten aus, beschreiben Sie unten die Aufgabe und klicken Sie auf &lt;b&gt;Ausführen&lt;/b&gt;. Die Antwort erscheint hier fortlaufend, jeder Werkzeugaufruf wird als eine Zeile mit seinem Status angezeigt, und ein Aufruf, der Ihre Freigabe benötigt, wartet hier, bis Sie entscheiden.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="250"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="314"/>
        <source>Fell back from %1 to %2</source>
        <translation>Von %1 auf %2 ausgewichen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="130"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="304"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="175"/>
        <source>%1 approved by %2</source>
        <translation>%1 freigegeben von %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::CodeEditor</name>
    <message>
        <location filename="../ui/editors/CodeEditor.cpp" line="21"/>
        <source>Line numbers and problem markers</source>
        <translation>Zeilennummern und Problemmarkierungen</translation>
    </message>
</context>
<context>
    <name>awb::ui::ConnectionTester</name>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="44"/>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation>Unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="48"/>
        <source>Enter a model name first (e.g. gpt-4o-mini): the test sends one tiny request to it.</source>
        <translation>Geben Sie zuerst einen Modellnamen ein (z. B. gpt-4o-mini): Der Test sendet eine winzige Anfrage an dieses Modell.</translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="92"/>
        <source>Enter the endpoint of the %1 server, e.g. http://localhost:8080/v1.</source>
        <translation>Geben Sie den Endpunkt des %1-Servers ein, z. B. http://localhost:8080/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="120"/>
        <source>Connected to %1: model %2 answered in %3 ms.</source>
        <translation>Verbunden mit %1: Modell %2 hat in %3 ms geantwortet.</translation>
    </message>
</context>
<context>
    <name>awb::ui::EventLogModel</name>
    <message numerus="yes">
        <location filename="../ui/runs/EventLogModel.cpp" line="59"/>
        <source>%n piece(s) of streamed text: %1</source>
        <translation>
            <numerusform>%n gestreamtes Textstück: %1</numerusform>
            <numerusform>%n gestreamte Textstücke: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="82"/>
        <source>agent %1, model %2/%3</source>
        <translation>Agent %1, Modell %2/%3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="93"/>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="98"/>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 Eingabe- / %2 Ausgabe-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="103"/>
        <source>result %1 in %2 ms</source>
        <translation>Ergebnis %1 in %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="109"/>
        <source>%1 (%2) waits for a decision</source>
        <translation>%1 (%2) wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="112"/>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="113"/>
        <source>rejected by %1</source>
        <translation>abgelehnt von %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="117"/>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="121"/>
        <source>attempt %1 in %2 ms after: %3</source>
        <translation>Versuch %1 in %2 ms nach: %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="126"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="177"/>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="179"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="181"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="183"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="185"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>awb::ui::JsonPane</name>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="51"/>
        <source>%1 as JSON text</source>
        <translation>%1 als JSON-Text</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="60"/>
        <source>%1 as a tree</source>
        <translation>%1 als Baum</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="77"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="77"/>
        <source>Show as text</source>
        <translation>Als Text anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="78"/>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="79"/>
        <source>Show as a foldable tree</source>
        <translation>Als einklappbaren Baum anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="84"/>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="85"/>
        <location filename="../ui/inspector/JsonPane.cpp" line="86"/>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="88"/>
        <source>Find…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="88"/>
        <source>Find (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="110"/>
        <source>Find in %1</source>
        <translation>In %1 suchen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="111"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="115"/>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="117"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="119"/>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="121"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="238"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="266"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::JsonTreeModel</name>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="39"/>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="45"/>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="53"/>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="57"/>
        <source>boolean</source>
        <translation>Boolescher Wert</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="61"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="65"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="135"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="137"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="139"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>awb::ui::KeyField</name>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="25"/>
        <source>Store in Keychain</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="32"/>
        <source>Paste the secret, then store it</source>
        <translation>Fügen Sie das Geheimnis ein und speichern Sie es dann</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="34"/>
        <source>Store %1 in the keychain</source>
        <translation>%1 im Schlüsselbund speichern</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="37"/>
        <source>%1: keychain state</source>
        <translation>%1: Zustand des Schlüsselbunds</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="70"/>
        <source>Keychain entry &quot;%1&quot;</source>
        <translation>Schlüsselbundeintrag „%1“</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="128"/>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft …</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="131"/>
        <source>✔ Stored in keychain (entry &quot;%1&quot;). Enter a new one to replace it.</source>
        <translation>✔ Im Schlüsselbund gespeichert (Eintrag „%1“). Geben Sie einen neuen Wert ein, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="136"/>
        <source>No secret stored yet (entry &quot;%1&quot;).</source>
        <translation>Noch kein Geheimnis gespeichert (Eintrag „%1“).</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="139"/>
        <source>Storing in the keychain…</source>
        <translation>Wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="142"/>
        <source>Keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
</context>
<context>
    <name>awb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="52"/>
        <source>keychain: unlocked</source>
        <translation>Schlüsselbund: entsperrt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="54"/>
        <source>keychain: locked</source>
        <translation>Schlüsselbund: gesperrt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="56"/>
        <source>keychain: unavailable</source>
        <translation>Schlüsselbund: nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="57"/>
        <source>keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="62"/>
        <source>Task graph</source>
        <translation>Aufgabengraph</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="67"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="121"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="138"/>
        <source>Agent Workbench</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="130"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="152"/>
        <source>Preparing the replay…</source>
        <translation>Wiederholung wird vorbereitet …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>Preparing the run on %1…</source>
        <translation>Lauf wird auf %1 vorbereitet …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="165"/>
        <source>Stopped before the run started; your message is still in the input field.</source>
        <translation>Vor dem Start des Laufs gestoppt; Ihre Nachricht steht noch im Eingabefeld.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="187"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="190"/>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="193"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="200"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="210"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="214"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="216"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="220"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="224"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="227"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="229"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="234"/>
        <source>Agent:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="240"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="248"/>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="254"/>
        <source>Model provider</source>
        <translation>Modellanbieter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="255"/>
        <source>The model new runs talk to: the demo&apos;s scripted model, the agent file&apos;s own, or a provider profile from Settings</source>
        <translation>Das Modell, mit dem neue Läufe sprechen: das geskriptete Modell der Demo, das der Agentendatei oder ein Anbieterprofil aus den Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="304"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="306"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="317"/>
        <source>Run steps</source>
        <translation>Laufschritte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="325"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="348"/>
        <source>Audit trail</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="363"/>
        <source>Tool schema</source>
        <translation>Werkzeugschema</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="376"/>
        <source>Prompt editor</source>
        <translation>Prompt-Editor</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="392"/>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="424"/>
        <source>Replaying run %1 as run %2</source>
        <translation>Lauf %1 wird als Lauf %2 wiederholt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="427"/>
        <source>Cannot Replay the Run</source>
        <translation>Lauf kann nicht wiederholt werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="429"/>
        <source>Stopped the replay before it started.</source>
        <translation>Die Wiederholung wurde vor ihrem Start gestoppt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="462"/>
        <source>Current run: provider, model, tokens and cost</source>
        <translation>Aktueller Lauf: Anbieter, Modell, Tokens und Kosten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="463"/>
        <source>keychain: checking…</source>
        <translation>Schlüsselbund: wird geprüft …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="465"/>
        <source>Keychain state</source>
        <translation>Zustand des Schlüsselbunds</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="477"/>
        <source>Stop Runs and Quit</source>
        <translation>Läufe anhalten und beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="491"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="499"/>
        <source>Stop Runs and Open</source>
        <translation>Läufe anhalten und öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="517"/>
        <source>A run of this workspace is still running. It will be stopped and recorded as cancelled; you can read it in the Runs view afterwards.</source>
        <translation>Ein Lauf dieses Arbeitsbereichs läuft noch. Er wird angehalten und als abgebrochen festgehalten; Sie finden ihn danach in der Ansicht „Läufe“.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="519"/>
        <source>%1 runs of this workspace are still running. They will be stopped and recorded as cancelled; you can read them in the Runs view afterwards.</source>
        <translation>%1 Läufe dieses Arbeitsbereichs laufen noch. Sie werden angehalten und als abgebrochen festgehalten; Sie finden sie danach in der Ansicht „Läufe“.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="522"/>
        <source>Stop Running Runs?</source>
        <translation>Laufende Läufe anhalten?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="529"/>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="566"/>
        <source>Cannot Resume the Run</source>
        <translation>Lauf kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="580"/>
        <source>%1 — Agent Workbench</source>
        <translation>%1 — Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="597"/>
        <source>scripted (demo)</source>
        <translation>geskriptet (Demo)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="598"/>
        <source>agent file&apos;s model</source>
        <translation>Modell der Agentendatei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="602"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="610"/>
        <source>%1 (missing profile)</source>
        <translation>%1 (Profil fehlt)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="625"/>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="633"/>
        <source>&amp;%1 %2 — %3</source>
        <translation>&amp;%1 %2 — %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="635"/>
        <source>%1 (folder missing)</source>
        <translation>%1 (Ordner fehlt)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="642"/>
        <source>%1 was moved or deleted. Use &quot;Remove Missing&quot; to drop it from this list.</source>
        <translation>%1 wurde verschoben oder gelöscht. Mit „Fehlende entfernen“ nehmen Sie ihn aus dieser Liste.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="653"/>
        <source>Remove Missing</source>
        <translation>Fehlende entfernen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow/MainWindow.cpp" line="656"/>
        <source>Removed %n missing workspace(s) from the recent list.</source>
        <translation>
            <numerusform>%n fehlender Arbeitsbereich aus der Liste entfernt.</numerusform>
            <numerusform>%n fehlende Arbeitsbereiche aus der Liste entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="660"/>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="672"/>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="673"/>
        <source>Cannot Open the Workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="678"/>
        <source>Open Another Workspace…</source>
        <translation>Anderen Arbeitsbereich öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="721"/>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="725"/>
        <source> (scripted)</source>
        <translation> (geskriptet)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="726"/>
        <source>%1 · %2 tokens · US$%3</source>
        <translation>%1 · %2 Tokens · US$%3</translation>
    </message>
</context>
<context>
    <name>awb::ui::NodeState</name>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="66"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="68"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="70"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="72"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="74"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="76"/>
        <source>retried</source>
        <translation>wiederholt</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="78"/>
        <source>fell back</source>
        <translation>ausgewichen</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="80"/>
        <source>reused on resume</source>
        <translation>bei Fortsetzung wiederverwendet</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="82"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>awb::ui::PlainTranscript</name>
    <message>
        <location filename="../ui/chat/ChatTranscript.cpp" line="203"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
</context>
<context>
    <name>awb::ui::PromptEditor</name>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="80"/>
        <source>Prompt editor</source>
        <translation>Prompt-Editor</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="84"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="85"/>
        <source>Save version…</source>
        <translation>Version speichern …</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="87"/>
        <source>Save version</source>
        <translation>Version speichern</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="89"/>
        <source>Save the instructions as a new named version and write them into the agent file</source>
        <translation>Die Anweisungen als neue benannte Version speichern und in die Agentendatei schreiben</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="92"/>
        <source>Prompt editor status</source>
        <translation>Status des Prompt-Editors</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="94"/>
        <source>&amp;Agent:</source>
        <translation>&amp;Agent:</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="102"/>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="103"/>
        <source>The agent&apos;s instructions</source>
        <translation>Die Anweisungen des Agenten</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="107"/>
        <source>Prompt versions</source>
        <translation>Prompt-Versionen</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="113"/>
        <source>Select one version to compare it with the one before, or two to compare them</source>
        <translation>Wählen Sie eine Version aus, um sie mit der vorherigen zu vergleichen, oder zwei, um sie miteinander zu vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="115"/>
        <location filename="../ui/editors/PromptEditor.cpp" line="361"/>
        <source>Select versions to compare</source>
        <translation>Wählen Sie Versionen zum Vergleichen aus</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="117"/>
        <source>Compared versions</source>
        <translation>Verglichene Versionen</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="118"/>
        <source>Older version</source>
        <translation>Ältere Version</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="119"/>
        <source>Newer version</source>
        <translation>Neuere Version</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="135"/>
        <source>Runs that used the version</source>
        <translation>Läufe, die die Version verwendet haben</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="151"/>
        <source>Runs that used the selected version</source>
        <translation>Läufe, die die ausgewählte Version verwendet haben</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="215"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/editors/PromptEditor.cpp" line="257"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n Version</numerusform>
            <numerusform>%n Versionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="365"/>
        <source>v%1 “%2” → v%3 “%4”</source>
        <translation>v%1 „%2“ → v%3 „%4“</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="370"/>
        <source>v%1 “%2” (first version)</source>
        <translation>v%1 „%2“ (erste Version)</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="403"/>
        <source>%1  started %2</source>
        <translation>%1  gestartet am %2</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="410"/>
        <source>No run has used v%1 yet</source>
        <translation>Noch kein Lauf hat v%1 verwendet</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="417"/>
        <source>Save prompt version</source>
        <translation>Prompt-Version speichern</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="417"/>
        <source>Name of this version:</source>
        <translation>Name dieser Version:</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="427"/>
        <source>Open a workspace and pick an agent first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich und wählen Sie einen Agenten aus.</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="435"/>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>awb::ui::ReplayDialog</name>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="23"/>
        <source>Replay from step %1</source>
        <translation>Ab Schritt %1 wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="24"/>
        <source>Replay run &lt;b&gt;%1&lt;/b&gt; from step %2 (%3).</source>
        <translation>Lauf &lt;b&gt;%1&lt;/b&gt; ab Schritt %2 (%3) wiederholen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="32"/>
        <source>A new run reuses the recorded model answers before this step; from this step on the model is called again. A tool call the run made before with the same arguments gets its recorded result. Tools with effects, such as sending an email, are never executed by a replay.</source>
        <translation>Ein neuer Lauf verwendet die aufgezeichneten Modellantworten vor diesem Schritt wieder; ab diesem Schritt wird das Modell erneut aufgerufen. Ein Werkzeugaufruf, den der Lauf schon mit denselben Argumenten gemacht hat, erhält sein aufgezeichnetes Ergebnis. Werkzeuge mit Wirkung, etwa das Senden einer E-Mail, werden bei einer Wiederholung nie ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="40"/>
        <source>Replace the agent&apos;s instructions</source>
        <translation>Die Anweisungen des Agenten ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="41"/>
        <source>Use these &amp;instructions from this step on:</source>
        <translation>Ab diesem Schritt diese &amp;Anweisungen verwenden:</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="43"/>
        <source>Instructions for the replay</source>
        <translation>Anweisungen für die Wiederholung</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="45"/>
        <source>The agent&apos;s instructions</source>
        <translation>Die Anweisungen des Agenten</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="47"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="50"/>
        <source>&amp;Replay</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="52"/>
        <source>Start the replay</source>
        <translation>Die Wiederholung starten</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="54"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="74"/>
        <source>The instructions are empty: write them, or untick the box to keep the agent&apos;s own.</source>
        <translation>Die Anweisungen sind leer: Schreiben Sie sie, oder entfernen Sie das Häkchen, um die des Agenten zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="94"/>
        <source>The agent&apos;s instructions could not be read: %1</source>
        <translation>Die Anweisungen des Agenten konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunCompareModel</name>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="31"/>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="34"/>
        <source>rejected by %1: %2</source>
        <translation>abgelehnt von %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="39"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="56"/>
        <source>calls %1</source>
        <translation>ruft %1 auf</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="94"/>
        <source>%1 in / %2 out</source>
        <translation>%1 ein / %2 aus</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="175"/>
        <source>Run %1 has no step here.</source>
        <translation>Lauf %1 hat hier keinen Schritt.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="177"/>
        <source>Step %1: differs from the other run</source>
        <translation>Schritt %1: weicht vom anderen Lauf ab</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="178"/>
        <source>Step %1: the same in both runs</source>
        <translation>Schritt %1: in beiden Läufen gleich</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="205"/>
        <source>Durations are shown but not marked: two runs never take the same time.</source>
        <translation>Dauern werden angezeigt, aber nicht markiert: Zwei Läufe dauern nie gleich lang.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="210"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="212"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="214"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="216"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="218"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="220"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="222"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="224"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="226"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunCompareView</name>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="41"/>
        <source>Run %1 is not in this workspace.</source>
        <translation>Lauf %1 ist nicht in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="51"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 · %3 · %4 · %5 steps</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 · %3 · %4 · %5 Schritte</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="121"/>
        <source>Replay A from this step…</source>
        <translation>A ab diesem Schritt wiederholen…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="122"/>
        <source>Replay B from this step…</source>
        <translation>B ab diesem Schritt wiederholen…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="125"/>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="126"/>
        <source>Steps of run A</source>
        <translation>Schritte von Lauf A</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="127"/>
        <source>Steps of run B</source>
        <translation>Schritte von Lauf B</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="138"/>
        <source>Comparison summary</source>
        <translation>Zusammenfassung des Vergleichs</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="140"/>
        <source>Run A</source>
        <translation>Lauf A</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="142"/>
        <source>Run B</source>
        <translation>Lauf B</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="148"/>
        <source>Replay run A from the selected step</source>
        <translation>Lauf A ab dem gewählten Schritt wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="150"/>
        <source>Replay run B from the selected step</source>
        <translation>Lauf B ab dem gewählten Schritt wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="153"/>
        <source>Start a new run that reuses this run&apos;s recorded answers before the selected step and its recorded tool results; effects such as emails are never executed.</source>
        <translation>Startet einen neuen Lauf, der die aufgezeichneten Antworten dieses Laufs vor dem gewählten Schritt und seine aufgezeichneten Werkzeugergebnisse wiederverwendet; Wirkungen wie E-Mails werden nie ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="171"/>
        <source>Run A and run B</source>
        <translation>Lauf A und Lauf B</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="204"/>
        <source>&lt;b&gt;A&lt;/b&gt;</source>
        <translation>&lt;b&gt;A&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="205"/>
        <source>&lt;b&gt;B&lt;/b&gt;</source>
        <translation>&lt;b&gt;B&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="206"/>
        <source>Select two runs in the Runs view and press Compare.</source>
        <translation>Wählen Sie in der Ansicht „Läufe“ zwei Läufe aus und klicken Sie auf „Vergleichen“.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="212"/>
        <source>Loading %1 and %2…</source>
        <translation>%1 und %2 werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="227"/>
        <source>Steps that differ: %1 of %2, compared in order.</source>
        <translation>Abweichende Schritte: %1 von %2, der Reihe nach verglichen.</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunStepsModel</name>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="30"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="32"/>
        <source>tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="34"/>
        <source>approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="50"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="51"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="184"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="186"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="188"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="190"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="192"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="194"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunsModel</name>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="53"/>
        <source>Cannot read the run history: %1</source>
        <translation>Der Verlauf der Läufe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="235"/>
        <source>Cannot read the events of run %1: %2</source>
        <translation>Die Ereignisse von Lauf %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="318"/>
        <source>Prompt version %1: %2</source>
        <translation>Prompt-Version %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="320"/>
        <source>The instructions this run used were never saved as a version</source>
        <translation>Die Anweisungen dieses Laufs wurden nie als Version gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="350"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="351"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="352"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="358"/>
        <location filename="../ui/runs/RunsView.cpp" line="156"/>
        <source>unsaved</source>
        <translation>ungespeichert</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="372"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="374"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="376"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="378"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="380"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="382"/>
        <source>Cost (US$)</source>
        <translation>Kosten (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="384"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="386"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="388"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="390"/>
        <location filename="../ui/runs/RunsView.cpp" line="157"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunsView</name>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="76"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="77"/>
        <source>Com&amp;pare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="80"/>
        <location filename="../ui/runs/RunsView.cpp" line="117"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="83"/>
        <source>Show runs with status</source>
        <translation>Läufe mit diesem Status anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="84"/>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="91"/>
        <source>Show runs of agent</source>
        <translation>Läufe dieses Agenten anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="98"/>
        <source>Search runs</source>
        <translation>Läufe durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="99"/>
        <source>Search run, agent, model…</source>
        <translation>Lauf, Agent, Modell suchen …</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="102"/>
        <source>Resume the selected run</source>
        <translation>Den ausgewählten Lauf fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="104"/>
        <source>Continue a run that a crash interrupted, that was stopped, or that failed (after a full disk, say): completed steps are reused and no effect (such as an email) runs twice.</source>
        <translation>Setzt einen Lauf fort, den ein Absturz unterbrochen hat, der angehalten wurde oder der fehlgeschlagen ist (etwa bei voller Festplatte): Abgeschlossene Schritte werden wiederverwendet, und keine Wirkung (etwa eine E-Mail) wird zweimal ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="111"/>
        <source>Compare the two selected runs</source>
        <translation>Die zwei ausgewählten Läufe vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="112"/>
        <source>Select two runs (Ctrl+click) to compare them step by step.</source>
        <translation>Wählen Sie zwei Läufe aus (Strg+Klick), um sie Schritt für Schritt zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="154"/>
        <source>Cost (US$)</source>
        <translation>Kosten (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="255"/>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
</context>
<context>
    <name>awb::ui::SchemaEditor</name>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="35"/>
        <source>read only</source>
        <translation>nur lesend</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="37"/>
        <source>idempotent write</source>
        <translation>idempotentes Schreiben</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="39"/>
        <source>external effect — needs approval</source>
        <translation>externe Wirkung — Freigabe nötig</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="61"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="62"/>
        <source>Effect class</source>
        <translation>Wirkungsklasse</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="63"/>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="64"/>
        <source>Revert to the tool&apos;s schema</source>
        <translation>Auf das Schema des Werkzeugs zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="66"/>
        <source>Input schema (JSON)</source>
        <translation>Eingabeschema (JSON)</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="68"/>
        <source>Schema problems</source>
        <translation>Schemaprobleme</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="69"/>
        <source>Schema check</source>
        <translation>Schemaprüfung</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="71"/>
        <source>&amp;Call</source>
        <translation>&amp;Aufrufen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="72"/>
        <source>Call the tool</source>
        <translation>Werkzeug aufrufen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="73"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="74"/>
        <source>Cancel the call</source>
        <translation>Aufruf abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="76"/>
        <source>Call status</source>
        <translation>Aufrufstatus</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="78"/>
        <source>Call result</source>
        <translation>Aufrufergebnis</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="82"/>
        <source>Tool schema editor</source>
        <translation>Werkzeugschema-Editor</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="84"/>
        <source>&amp;Tool:</source>
        <translation>&amp;Werkzeug:</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="88"/>
        <source>Discard your edits and show the schema the tool is registered with</source>
        <translation>Ihre Änderungen verwerfen und das Schema anzeigen, mit dem das Werkzeug registriert ist</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="109"/>
        <source>Try the tool</source>
        <translation>Werkzeug ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="118"/>
        <source>Arguments are checked against the tool&apos;s registered schema before it runs</source>
        <translation>Die Argumente werden vor der Ausführung anhand des registrierten Schemas des Werkzeugs geprüft</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="126"/>
        <source>The result of a call appears here.</source>
        <translation>Das Ergebnis eines Aufrufs erscheint hier.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="207"/>
        <source>Open a workspace to see its tools.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Werkzeuge zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="231"/>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="256"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="257"/>
        <source>Line %1 (%2): %3</source>
        <translation>Zeile %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="265"/>
        <source>Open a workspace to edit its tools&apos; schemas.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um die Schemas seiner Werkzeuge zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="268"/>
        <source>✔ Valid JSON Schema (draft-07)</source>
        <translation>✔ Gültiges JSON Schema (draft-07)</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="273"/>
        <source>1 problem: the form follows the last valid schema</source>
        <translation>1 Problem: Das Formular folgt dem letzten gültigen Schema</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="274"/>
        <source>%1 problems: the form follows the last valid schema</source>
        <translation>%1 Probleme: Das Formular folgt dem letzten gültigen Schema</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="300"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="306"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="311"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="336"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="341"/>
        <source>Not called</source>
        <translation>Nicht aufgerufen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="313"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="343"/>
        <source>Running %1…</source>
        <translation>%1 wird ausgeführt …</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="319"/>
        <source>Approve %1?</source>
        <translation>%1 freigeben?</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="320"/>
        <source>%1 has an external effect (for example, it sends an email). It runs only with your approval, which is recorded in the audit trail under your name.

Approve and run this exact call?</source>
        <translation>%1 hat eine externe Wirkung (sendet zum Beispiel eine E-Mail). Es wird nur mit Ihrer Freigabe ausgeführt, die unter Ihrem Namen im Prüfprotokoll festgehalten wird.

Genau diesen Aufruf freigeben und ausführen?</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="328"/>
        <source>Approve and Run</source>
        <translation>Freigeben und ausführen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="330"/>
        <source>Do Not Run</source>
        <translation>Nicht ausführen</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="337"/>
        <source>You did not approve the call; nothing was run.</source>
        <translation>Sie haben den Aufruf nicht freigegeben; es wurde nichts ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="353"/>
        <source>%1 succeeded in %2 ms</source>
        <translation>%1 in %2 ms erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="353"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>awb::ui::SchemaForm</name>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="65"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="86"/>
        <source>This tool takes no arguments.</source>
        <translation>Dieses Werkzeug hat keine Argumente.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="118"/>
        <location filename="../ui/editors/SchemaForm.cpp" line="146"/>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="161"/>
        <source>Partially checked: not set</source>
        <translation>Teilweise aktiviert: nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="173"/>
        <source>a number, e.g. 12.5</source>
        <translation>eine Zahl, z. B. 12.5</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="179"/>
        <source>comma-separated, e.g. a, b, c</source>
        <translation>durch Kommas getrennt, z. B. a, b, c</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="188"/>
        <source>JSON, e.g. %1</source>
        <translation>JSON, z. B. %1</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="207"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="214"/>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="284"/>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1: „%2“ ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="285"/>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1: kein gültiges JSON (%2)</translation>
    </message>
</context>
<context>
    <name>awb::ui::SessionController</name>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="280"/>
        <location filename="../ui/session/SessionController.cpp" line="296"/>
        <location filename="../ui/session/SessionController.cpp" line="505"/>
        <location filename="../ui/session/SessionController.cpp" line="529"/>
        <source>Open a workspace first (File &gt; Open Workspace).</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich (Datei &gt; Arbeitsbereich öffnen).</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="283"/>
        <source>Type what the agent should do, then press Run.</source>
        <translation>Geben Sie ein, was der Agent tun soll, und klicken Sie dann auf Ausführen.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="303"/>
        <source>Type a message, then press Run.</source>
        <translation>Geben Sie eine Nachricht ein und klicken Sie dann auf Ausführen.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="509"/>
        <source>The instructions for the replay are empty.</source>
        <translation>Die Anweisungen für die Wiederholung sind leer.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="416"/>
        <location filename="../ui/session/SessionController.cpp" line="537"/>
        <source>Run %1 is already running here.</source>
        <translation>Lauf %1 wird hier bereits ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="315"/>
        <source>A run is being prepared: wait a moment, or press Stop.</source>
        <translation>Ein Lauf wird vorbereitet: Warten Sie einen Moment oder drücken Sie Stoppen.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="423"/>
        <source>run %1 changed while it was being prepared</source>
        <translation>Lauf %1 hat sich während der Vorbereitung geändert</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="552"/>
        <source>The edited arguments are not a JSON object: check the brackets, quotes and commas, or discard the edits.</source>
        <translation>Die bearbeiteten Argumente sind kein JSON-Objekt: Prüfen Sie Klammern, Anführungszeichen und Kommas oder verwerfen Sie die Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="532"/>
        <location filename="../ui/session/SessionController.cpp" line="558"/>
        <source>No run is selected.</source>
        <translation>Es ist kein Lauf ausgewählt.</translation>
    </message>
</context>
<context>
    <name>awb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="56"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="57"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="61"/>
        <source>Settings sections</source>
        <translation>Einstellungsbereiche</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="62"/>
        <source>&amp;Providers</source>
        <translation>&amp;Anbieter</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="63"/>
        <source>&amp;Email (SMTP)</source>
        <translation>E-&amp;Mail (SMTP)</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="64"/>
        <source>&amp;Budgets</source>
        <translation>&amp;Budgets</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="65"/>
        <source>Settings status</source>
        <translation>Status der Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="70"/>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="73"/>
        <source>Close settings</source>
        <translation>Einstellungen schließen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="99"/>
        <source>Provider profiles</source>
        <translation>Anbieterprofile</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="101"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="102"/>
        <source>Add a provider profile</source>
        <translation>Anbieterprofil hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="104"/>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="105"/>
        <source>Remove the selected profile</source>
        <translation>Ausgewähltes Profil entfernen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="116"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="118"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="121"/>
        <source>Endpoint (base URL)</source>
        <translation>Endpunkt (Basis-URL)</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="122"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="123"/>
        <source>e.g. gpt-4o-mini</source>
        <translation>z. B. gpt-4o-mini</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="125"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="126"/>
        <source>e.g. eu-west-1 (for data-residency policies)</source>
        <translation>z. B. eu-west-1 (für Richtlinien zum Datenspeicherort)</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="128"/>
        <source>Fallback profiles</source>
        <translation>Ausweichprofile</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="129"/>
        <source>other profiles, comma-separated, tried in order</source>
        <translation>andere Profile, durch Kommas getrennt, werden der Reihe nach versucht</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="130"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="131"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="132"/>
        <source>Test the connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="134"/>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="142"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="143"/>
        <source>Pro&amp;vider:</source>
        <translation>Anbiete&amp;r:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="144"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="145"/>
        <source>&amp;Model:</source>
        <translation>M&amp;odell:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="146"/>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="147"/>
        <source>&amp;Fallbacks:</source>
        <translation>Ausweich&amp;profile:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="148"/>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="186"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="214"/>
        <source>e.g. http://localhost:8080/v1</source>
        <translation>z. B. http://localhost:8080/v1</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="192"/>
        <source>Add a profile to store its key.</source>
        <translation>Fügen Sie ein Profil hinzu, um seinen Schlüssel zu speichern.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="218"/>
        <source>Name the profile to store its key.</source>
        <translation>Benennen Sie das Profil, um seinen Schlüssel zu speichern.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="257"/>
        <source>Sending a one-word request…</source>
        <translation>Eine Anfrage mit einem Wort wird gesendet …</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="265"/>
        <source>About the SMTP settings</source>
        <translation>Über die SMTP-Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="267"/>
        <source>SMTP server URL</source>
        <translation>SMTP-Server-URL</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="268"/>
        <source>smtp://mail.example.com:587 or smtps://…; empty: write emails to the outbox folder</source>
        <translation>smtp://mail.example.com:587 oder smtps://…; leer: E-Mails in den Postausgangsordner schreiben</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="270"/>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="271"/>
        <source>e.g. finance-bot@example.com</source>
        <translation>z. B. finance-bot@example.com</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="272"/>
        <source>SMTP username</source>
        <translation>SMTP-Benutzername</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="273"/>
        <source>SMTP password</source>
        <translation>SMTP-Passwort</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="277"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="278"/>
        <source>&amp;From:</source>
        <translation>Absen&amp;der:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="279"/>
        <source>&amp;Username:</source>
        <translation>Ben&amp;utzername:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="280"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="289"/>
        <source>Open a workspace to edit its SMTP settings: they are stored in its workspace.json.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine SMTP-Einstellungen zu bearbeiten: Sie werden in seiner workspace.json gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="294"/>
        <source>Loading %1/workspace.json…</source>
        <translation>%1/workspace.json wird geladen …</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="312"/>
        <source>Stored in %1/workspace.json (changes are recorded in the audit trail); the password only in the keychain.</source>
        <translation>Gespeichert in %1/workspace.json (Änderungen werden im Prüfprotokoll festgehalten); das Passwort nur im Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="327"/>
        <source>Enter the server and the username first.</source>
        <translation>Geben Sie zuerst den Server und den Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="334"/>
        <source>Maximum steps</source>
        <translation>Maximale Schritte</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="335"/>
        <source>Maximum tokens</source>
        <translation>Maximale Tokens</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="338"/>
        <source>Maximum cost in US dollars</source>
        <translation>Maximale Kosten in US-Dollar</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="339"/>
        <source>Maximum run time in seconds</source>
        <translation>Maximale Laufzeit in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="340"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="342"/>
        <source>Tool calls at once</source>
        <translation>Gleichzeitige Werkzeugaufrufe</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="351"/>
        <source>The limits a new agent starts with; each agent file can change its own.</source>
        <translation>Die Grenzwerte, mit denen ein neuer Agent startet; jede Agentendatei kann ihre eigenen festlegen.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="356"/>
        <source>Maximum &amp;steps:</source>
        <translation>Maximale &amp;Schritte:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="357"/>
        <source>Maximum &amp;tokens:</source>
        <translation>Maximale &amp;Tokens:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="358"/>
        <source>Maximum &amp;cost (US$):</source>
        <translation>Maximale &amp;Kosten (US$):</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="359"/>
        <source>Maximum &amp;run time:</source>
        <translation>Maximale &amp;Laufzeit:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="360"/>
        <source>Tool calls at &amp;once:</source>
        <translation>&amp;Gleichzeitige Werkzeugaufrufe:</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="399"/>
        <source>The SMTP server must be a URL like smtp://mail.example.com:587.</source>
        <translation>Der SMTP-Server muss eine URL wie smtp://mail.example.com:587 sein.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="403"/>
        <source>Remove the password from the SMTP URL: store it in the keychain below.</source>
        <translation>Entfernen Sie das Passwort aus der SMTP-URL: Speichern Sie es unten im Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="421"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="426"/>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="366"/>
        <source>Saved. The SMTP settings apply when the workspace is opened again.</source>
        <translation>Gespeichert. Die SMTP-Einstellungen gelten, sobald der Arbeitsbereich erneut geöffnet wird.</translation>
    </message>
</context>
<context>
    <name>awb::ui::Status</name>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="10"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="12"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="14"/>
        <source>needs approval</source>
        <translation>Freigabe nötig</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="16"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="18"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="20"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="22"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
</context>
<context>
    <name>awb::ui::StepInspector</name>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="40"/>
        <source>Model call</source>
        <translation>Modellaufruf</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="42"/>
        <source>Tool call</source>
        <translation>Werkzeugaufruf</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="44"/>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="75"/>
        <source>Replay from here…</source>
        <translation>Ab hier wiederholen…</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="77"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="139"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="78"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="140"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="216"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="79"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="141"/>
        <source>Raw request</source>
        <translation>Rohe Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="80"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="142"/>
        <source>Raw response</source>
        <translation>Rohe Antwort</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="83"/>
        <source>Step inspector</source>
        <translation>Schrittinspektor</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="85"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="92"/>
        <source>Step kind and id</source>
        <translation>Art und ID des Schritts</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="94"/>
        <source>Step state</source>
        <translation>Zustand des Schritts</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="102"/>
        <source>Replay the run from this step</source>
        <translation>Den Lauf ab diesem Schritt wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="105"/>
        <source>Replay this run from this step: recorded answers before it are reused, the model is called again from it on, and effects such as emails are never executed.</source>
        <translation>Diesen Lauf ab diesem Schritt wiederholen: Aufgezeichnete Antworten davor werden wiederverwendet, ab hier wird das Modell erneut aufgerufen, und Wirkungen wie E-Mails werden nie ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="117"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="118"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="119"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="120"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="121"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="122"/>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="123"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="124"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="125"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="126"/>
        <source>Fallbacks</source>
        <translation>Ausweichprofile</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="127"/>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="128"/>
        <source>Idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="129"/>
        <source>Call id</source>
        <translation>Aufruf-ID</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="130"/>
        <source>Gates</source>
        <translation>Prüfpunkte</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="131"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="132"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="135"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="138"/>
        <source>Step documents</source>
        <translation>Schrittdokumente</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="191"/>
        <source>No step selected</source>
        <translation>Kein Schritt ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="192"/>
        <source>Select a node in the task graph to inspect it.</source>
        <translation>Wählen Sie einen Knoten im Aufgabengraphen aus, um ihn zu untersuchen.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="216"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="246"/>
        <source>%1 %2 · turn %3</source>
        <translation>%1 %2 · Runde %3</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="257"/>
        <source>interrupted (recorded as %1; Resume runs it again)</source>
        <translation>unterbrochen (aufgezeichnet als %1; „Fortsetzen“ führt ihn erneut aus)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="265"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="273"/>
        <source>%1 in · %2 out · %3 cached</source>
        <translation>%1 Eingabe · %2 Ausgabe · %3 zwischengespeichert</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="285"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="296"/>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="296"/>
        <source>rejected by %1</source>
        <translation>abgelehnt von %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="309"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="312"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="314"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="310"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="383"/>
        <source>No result yet: the step has not finished.</source>
        <translation>Noch kein Ergebnis: Der Schritt ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="313"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="315"/>
        <source>Not sent or not answered yet.</source>
        <translation>Noch nicht gesendet oder noch nicht beantwortet.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="334"/>
        <source>The stored result could not be read: %1</source>
        <translation>Das gespeicherte Ergebnis konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="356"/>
        <source>The recorded request could not be read: %1</source>
        <translation>Die aufgezeichnete Anfrage konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="364"/>
        <source>No response was recorded for this call.</source>
        <translation>Für diesen Aufruf wurde keine Antwort aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>awb::ui::TaskGraphPanel</name>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="35"/>
        <source>Task graph</source>
        <translation>Aufgabengraph</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="40"/>
        <source>Task graph summary</source>
        <translation>Zusammenfassung des Aufgabengraphen</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="43"/>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="45"/>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="47"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="47"/>
        <source>Fit the graph (F)</source>
        <translation>Graph einpassen (F)</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="81"/>
        <source>Legend of step states</source>
        <translation>Legende der Schrittzustände</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="111"/>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="115"/>
        <source>%n step(s): %1 model, %2 tool, %3 approval</source>
        <translation>
            <numerusform>%n Schritt: %1 Modell, %2 Werkzeug, %3 Freigabe</numerusform>
            <numerusform>%n Schritte: %1 Modell, %2 Werkzeug, %3 Freigabe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>awb::ui::TaskGraphView</name>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="21"/>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="23"/>
        <source>TOOL</source>
        <translation>WERKZEUG</translation>
    </message>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="25"/>
        <source>APPROVAL</source>
        <translation>FREIGABE</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/GraphItems.cpp" line="72"/>
        <source>%n tok</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphView.cpp" line="41"/>
        <source>Task graph</source>
        <translation>Aufgabengraph</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphView.cpp" line="42"/>
        <source>The steps of the current run. Drag to pan, Ctrl+wheel or +/- to zoom, F to fit.</source>
        <translation>Die Schritte des aktuellen Laufs. Ziehen zum Verschieben, Strg+Mausrad oder +/- zum Zoomen, F zum Einpassen.</translation>
    </message>
</context>
<context>
    <name>awb::ui::ToolCaller</name>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="62"/>
        <location filename="../ui/editors/ToolCaller.cpp" line="83"/>
        <source>Open a workspace first (File &gt; Open Workspace).</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich (Datei &gt; Arbeitsbereich öffnen).</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="65"/>
        <source>The workspace has no tool &quot;%1&quot;.</source>
        <translation>Der Arbeitsbereich hat kein Werkzeug „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="71"/>
        <source>at %1: %2</source>
        <translation>bei %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="72"/>
        <source>The arguments do not match the input schema of %1:
%2</source>
        <translation>Die Argumente entsprechen nicht dem Eingabeschema von %1:
%2</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="86"/>
        <source>A call is still running: wait for it or cancel it.</source>
        <translation>Ein Aufruf läuft noch: Warten Sie darauf oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="94"/>
        <source>%1 has an external effect: it runs only after you approve this exact call.</source>
        <translation>%1 hat eine externe Wirkung: Es wird erst ausgeführt, nachdem Sie genau diesen Aufruf freigegeben haben.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="135"/>
        <source>Cancelled before %1 started.</source>
        <translation>Abgebrochen, bevor %1 gestartet wurde.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="143"/>
        <source>The workspace was closed before %1 started.</source>
        <translation>Der Arbeitsbereich wurde geschlossen, bevor %1 gestartet wurde.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="213"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::WebTranscript</name>
    <message>
        <location filename="../ui/chat/ChatTranscript.cpp" line="97"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
</context>
<context>
    <name>awb::ui::settings</name>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="39"/>
        <source>The settings file cannot be read: %1. Remove or replace it, then start Agent Workbench again.</source>
        <translation>Die Einstellungsdatei kann nicht gelesen werden: %1. Entfernen oder ersetzen Sie sie und starten Sie Agent Workbench erneut.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="90"/>
        <source>A provider profile has no name: give each profile a name.</source>
        <translation>Ein Anbieterprofil hat keinen Namen: Geben Sie jedem Profil einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="94"/>
        <source>Two provider profiles are called &quot;%1&quot;: names must be unique.</source>
        <translation>Zwei Anbieterprofile heißen „%1“: Namen müssen eindeutig sein.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="98"/>
        <source>Profile &quot;%1&quot;: unknown provider &quot;%2&quot;.</source>
        <translation>Profil „%1“: unbekannter Anbieter „%2“.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="106"/>
        <source>Profile &quot;%1&quot;: the endpoint &quot;%2&quot; is not an http(s) URL, e.g. https://api.openai.com/v1.</source>
        <translation>Profil „%1“: Der Endpunkt „%2“ ist keine http(s)-URL wie z. B. https://api.openai.com/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="115"/>
        <source>Profile &quot;%1&quot;: the fallback &quot;%2&quot; is not another profile.</source>
        <translation>Profil „%1“: Das Ausweichprofil „%2“ ist kein anderes Profil.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="153"/>
        <source>The cost budget &quot;%1&quot; is not a positive amount in US dollars, e.g. 10.00.</source>
        <translation>Das Kostenbudget „%1“ ist kein positiver Betrag in US-Dollar, z. B. 10.00.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="157"/>
        <source>Budgets must be at least 1.</source>
        <translation>Budgets müssen mindestens 1 betragen.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="192"/>
        <source>Cannot read the workspace settings: %1</source>
        <translation>Die Einstellungen des Arbeitsbereichs können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="221"/>
        <source>Cannot write the workspace settings: %1</source>
        <translation>Die Einstellungen des Arbeitsbereichs können nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="197"/>
        <source>%1 is not valid JSON (%2): fix it by hand before changing settings here.</source>
        <translation>%1 ist kein gültiges JSON (%2): Korrigieren Sie die Datei von Hand, bevor Sie hier Einstellungen ändern.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="201"/>
        <source>%1 must hold a JSON object.</source>
        <translation>%1 muss ein JSON-Objekt enthalten.</translation>
    </message>
</context>
</TS>
