<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>awb::ui::ApprovalPanel</name>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="19"/>
        <source>External effect: acts outside this workspace (for example, sends an email) and cannot be undone.</source>
        <translation>Externe Wirkung: wirkt außerhalb dieses Arbeitsbereichs (sendet zum Beispiel eine E-Mail) und lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="23"/>
        <source>Write: changes data; repeating it changes nothing more.</source>
        <translation>Schreibend: ändert Daten; eine Wiederholung ändert nichts weiter.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="25"/>
        <source>Read only.</source>
        <translation>Nur lesend.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="32"/>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="33"/>
        <source>Re&amp;ject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="36"/>
        <source>Approval request</source>
        <translation>Freigabeanfrage</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="53"/>
        <source>Arguments of the tool call</source>
        <translation>Argumente des Werkzeugaufrufs</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="58"/>
        <source>Approve this tool call</source>
        <translation>Diesen Werkzeugaufruf freigeben</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="61"/>
        <source>Reject this tool call</source>
        <translation>Diesen Werkzeugaufruf ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="84"/>
        <source>Approve the call of %1?</source>
        <translation>Aufruf von %1 freigeben?</translation>
    </message>
</context>
<context>
    <name>awb::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="46"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="49"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="51"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="55"/>
        <source>Request to the agent</source>
        <translation>Auftrag an den Agenten</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="57"/>
        <source>Describe the task, e.g. &quot;Reconcile Q3 revenue against the ERP ledger&quot;</source>
        <translation>Beschreiben Sie die Aufgabe, z. B. „Q3-Umsatz mit dem ERP-Hauptbuch abstimmen“</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="60"/>
        <source>Run the agent</source>
        <translation>Agenten ausführen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="109"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="131"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="158"/>
        <source>Run %1 · %2 tokens · US$%3</source>
        <translation>Lauf %1 · %2 Tokens · US$%3</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="172"/>
        <source>### Agent Workbench

Pick an agent in the toolbar, describe the task below and press **Run**. Every step appears in *Run steps* as it executes, and a tool call that needs your approval waits here until you decide.</source>
        <translation>### Agent Workbench

Wählen Sie in der Werkzeugleiste einen Agenten, beschreiben Sie unten die Aufgabe und klicken Sie auf **Ausführen**. Jeder Schritt erscheint während der Ausführung unter *Laufschritte*, und ein Werkzeugaufruf, der Ihre Freigabe braucht, wartet hier auf Ihre Entscheidung.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="184"/>
        <source>→ %1 (%2)</source>
        <translation>→ %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="218"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="222"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="226"/>
        <source>Waiting for your approval to call %1</source>
        <translation>Wartet auf Ihre Freigabe, um %1 aufzurufen</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="232"/>
        <source>%1 approved by %2</source>
        <translation>%1 freigegeben von %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="233"/>
        <source>%1 rejected by %2</source>
        <translation>%1 abgelehnt von %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::EventLogModel</name>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="54"/>
        <source>agent %1, model %2/%3</source>
        <translation>Agent %1, Modell %2/%3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="65"/>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="70"/>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 Eingabe- / %2 Ausgabe-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="75"/>
        <source>result %1 in %2 ms</source>
        <translation>Ergebnis %1 in %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="81"/>
        <source>%1 (%2) waits for a decision</source>
        <translation>%1 (%2) wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="84"/>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="85"/>
        <source>rejected by %1</source>
        <translation>abgelehnt von %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="89"/>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="93"/>
        <source>attempt %1 in %2 ms after: %3</source>
        <translation>Versuch %1 in %2 ms nach: %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="98"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="149"/>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="151"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="153"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="155"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="157"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>awb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="37"/>
        <source>keychain: unlocked</source>
        <translation>Schlüsselbund: entsperrt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="39"/>
        <source>keychain: locked</source>
        <translation>Schlüsselbund: gesperrt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="41"/>
        <source>keychain: unavailable</source>
        <translation>Schlüsselbund: nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="42"/>
        <source>keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="50"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="51"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="67"/>
        <source>Agent Workbench</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="59"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="89"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="92"/>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="96"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="100"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="102"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="106"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="110"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="113"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="115"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="120"/>
        <source>Agent:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="126"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="172"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="189"/>
        <source>Run steps</source>
        <translation>Laufschritte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="197"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="223"/>
        <source>Current run: provider, model, tokens and cost</source>
        <translation>Aktueller Lauf: Anbieter, Modell, Tokens und Kosten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="224"/>
        <source>keychain: checking…</source>
        <translation>Schlüsselbund: wird geprüft …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="226"/>
        <source>Keychain state</source>
        <translation>Zustand des Schlüsselbunds</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="244"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="253"/>
        <source>Cannot Start the Run</source>
        <translation>Lauf kann nicht gestartet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="261"/>
        <source>Cannot Record the Decision</source>
        <translation>Entscheidung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="275"/>
        <source>%1 — Agent Workbench</source>
        <translation>%1 — Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="287"/>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="288"/>
        <source>Cannot Open the Workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="293"/>
        <source>Open Another Workspace…</source>
        <translation>Anderen Arbeitsbereich öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="336"/>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="340"/>
        <source> (scripted)</source>
        <translation> (geskriptet)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="341"/>
        <source>%1 · %2 tokens · US$%3</source>
        <translation>%1 · %2 Tokens · US$%3</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunStepsModel</name>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="15"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="17"/>
        <source>tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="19"/>
        <source>approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="36"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="37"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="146"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="148"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="150"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="152"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="154"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="156"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunsModel</name>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="163"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="165"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="167"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="169"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="171"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="173"/>
        <source>Cost (US$)</source>
        <translation>Kosten (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="175"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
</context>
<context>
    <name>awb::ui::SessionController</name>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="184"/>
        <source>Open a workspace first (File &gt; Open Workspace).</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich (Datei &gt; Arbeitsbereich öffnen).</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="187"/>
        <source>Type what the agent should do, then press Run.</source>
        <translation>Geben Sie ein, was der Agent tun soll, und klicken Sie dann auf Ausführen.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="239"/>
        <source>No run is selected.</source>
        <translation>Es ist kein Lauf ausgewählt.</translation>
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
</TS>
