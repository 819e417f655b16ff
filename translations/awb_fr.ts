<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>awb::ui</name>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="37"/>
        <source>&quot;%1&quot; is not a JSON Schema type; use one of array, boolean, integer, null, number, object, string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="58"/>
        <source>the draft-07 meta-schema is missing from this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="83"/>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::ApprovalPanel</name>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="28"/>
        <source>External effect: acts outside this workspace (for example, sends an email) and cannot be undone.</source>
        <translation>Effet externe : agit hors de cet espace de travail (par exemple, envoie un e-mail) et ne peut pas être annulé.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="31"/>
        <source>Write: changes data; repeating it changes nothing more.</source>
        <translation>Écriture : modifie des données ; la répéter ne change rien de plus.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="33"/>
        <source>Read only.</source>
        <translation>Lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="70"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="78"/>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="227"/>
        <source>&amp;Edit Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="79"/>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="80"/>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="85"/>
        <source>Approval request</source>
        <translation>Demande d&apos;approbation</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="106"/>
        <source>Arguments of the tool call</source>
        <translation>Arguments de l&apos;appel d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="112"/>
        <source>Why the decision was not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="121"/>
        <source>Edit the arguments before deciding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="124"/>
        <source>Approve this tool call</source>
        <translation>Approuver cet appel d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="127"/>
        <source>Reject this tool call</source>
        <translation>Rejeter cet appel d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="132"/>
        <source>Preview of the attached PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="147"/>
        <source>Arguments, exactly as the tool will receive them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="184"/>
        <source>Attachment: %1 (1 page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="185"/>
        <source>Attachment: %1 (%2 pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="189"/>
        <source>Cannot show %1: the file is not a readable PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="201"/>
        <source>Approve the call of %1?</source>
        <translation>Approuver l&apos;appel de %1 ?</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="227"/>
        <source>&amp;Discard Edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="260"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditFilterBar</name>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="28"/>
        <source>Search entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="29"/>
        <source>Search data, actor, kind, run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="33"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="33"/>
        <source>Any run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="34"/>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="34"/>
        <source>Any actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="35"/>
        <source>Kind</source>
        <translation type="unfinished">Type</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="35"/>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="36"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="36"/>
        <source>Any tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="41"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="42"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="66"/>
        <source>Filter %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditModel</name>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="273"/>
        <source>This entry failed verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="306"/>
        <source>Seq</source>
        <translation type="unfinished">N°</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="308"/>
        <source>Time</source>
        <translation type="unfinished">Heure</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="310"/>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="312"/>
        <source>Kind</source>
        <translation type="unfinished">Type</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="314"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="316"/>
        <source>Summary</source>
        <translation type="unfinished">Résumé</translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditView</name>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="84"/>
        <source>Could not verify the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="101"/>
        <location filename="../ui/audit/AuditTasks.cpp" line="129"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="126"/>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="133"/>
        <source>Exported %1 entries to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="136"/>
        <source>Exported the audit trail to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="167"/>
        <source>Intact: %1 entries verified; head %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="170"/>
        <source>Altered at entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="48"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="54"/>
        <source>Verification status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="60"/>
        <source>Audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="71"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="74"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="86"/>
        <source>Selected entry as canonical JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="89"/>
        <source>Select an entry to see it as signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="102"/>
        <source>Entries shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="105"/>
        <source>Progress of the audit task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="110"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="112"/>
        <source>Cancel the audit task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="117"/>
        <source>Outcome of the last export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="146"/>
        <location filename="../ui/audit/AuditView.cpp" line="240"/>
        <source>Not verified yet. Verify checks every entry&apos;s signature and link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="178"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="179"/>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="180"/>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="182"/>
        <source>Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="184"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="188"/>
        <source>Show All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="190"/>
        <source>Show the whole trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="196"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="198"/>
        <source>Refresh the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="201"/>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="203"/>
        <source>Verify the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="204"/>
        <source>Check every entry&apos;s signature and link to the one before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="208"/>
        <source>Export the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="209"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="215"/>
        <source>Whole Trail as JSONL (verifiable)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="219"/>
        <source>Filtered Entries as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="282"/>
        <source>From entry %1 on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="283"/>
        <source>From entry %1 back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="306"/>
        <source>No workspace open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="314"/>
        <source>Showing %1 of %2 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="315"/>
        <source>Showing %1 of %2 matching entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="317"/>
        <source>Showing %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="319"/>
        <source> — loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="392"/>
        <source>Verifying every entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="393"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="400"/>
        <location filename="../ui/audit/AuditView.cpp" line="407"/>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="414"/>
        <source>Export Filtered Entries as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="414"/>
        <source>Export the Audit Trail as JSONL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="416"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="416"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="458"/>
        <source>Verification cancelled; the trail was not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="459"/>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="43"/>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="43"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="46"/>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="50"/>
        <source>Describe the task, e.g. &quot;Reconcile Q3 revenue against the ERP ledger&quot;; a new message starts a new run of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="vanished">Conversation</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="48"/>
        <source>Request to the agent</source>
        <translation>Demande à l&apos;agent</translation>
    </message>
    <message>
        <source>Describe the task, e.g. &quot;Reconcile Q3 revenue against the ERP ledger&quot;</source>
        <translation type="vanished">Décrivez la tâche, p. ex. « Rapprocher le chiffre d’affaires du T3 du grand livre ERP »</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="54"/>
        <source>Run the agent</source>
        <translation>Exécuter l&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="58"/>
        <source>Stop the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="156"/>
        <source>%1 ms</source>
        <translation type="unfinished">%1 ms</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/chat/ChatView.cpp" line="158"/>
        <source>%n retry(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="160"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="175"/>
        <source>%1 rejected by %2: the call does not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="187"/>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="196"/>
        <source> (scripted model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="197"/>
        <source>%1 · %2 tokens (%3 in, %4 out) · US$%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="211"/>
        <source>&lt;h3&gt;Agent Workbench&lt;/h3&gt;&lt;p&gt;Pick an agent in the toolbar, describe the task below and press &lt;b&gt;Run&lt;/b&gt;. The answer streams in here, every tool call shows as one line with its status, and a call that needs your approval waits here until you decide.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="219"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="283"/>
        <source>Fell back from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="126"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Run %1 · %2 tokens · US$%3</source>
        <translation type="vanished">Exécution %1 · %2 jetons · US$%3</translation>
    </message>
    <message>
        <source>### Agent Workbench

Pick an agent in the toolbar, describe the task below and press **Run**. Every step appears in *Run steps* as it executes, and a tool call that needs your approval waits here until you decide.</source>
        <translation type="vanished">### Agent Workbench

Choisissez un agent dans la barre d&apos;outils, décrivez la tâche ci-dessous et cliquez sur **Exécuter**. Chaque étape apparaît dans *Étapes de l&apos;exécution* pendant qu&apos;elle s&apos;exécute, et un appel d&apos;outil qui demande votre approbation attend ici votre décision.</translation>
    </message>
    <message>
        <source>→ %1 (%2)</source>
        <translation type="vanished">→ %1 (%2)</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="vanished">→ %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="273"/>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>Waiting for your approval to call %1</source>
        <translation type="vanished">Attend votre approbation pour appeler %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="171"/>
        <source>%1 approved by %2</source>
        <translation>%1 approuvé par %2</translation>
    </message>
    <message>
        <source>%1 rejected by %2</source>
        <translation type="vanished">%1 rejeté par %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::CodeEditor</name>
    <message>
        <location filename="../ui/editors/CodeEditor.cpp" line="21"/>
        <source>Line numbers and problem markers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::ConnectionTester</name>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="44"/>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="48"/>
        <source>Enter a model name first (e.g. gpt-4o-mini): the test sends one tiny request to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="92"/>
        <source>Enter the endpoint of the %1 server, e.g. http://localhost:8080/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="120"/>
        <source>Connected to %1: model %2 answered in %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::EventLogModel</name>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="54"/>
        <source>agent %1, model %2/%3</source>
        <translation>agent %1, modèle %2/%3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="65"/>
        <source>attempt %1</source>
        <translation>tentative %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="70"/>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 jetons en entrée / %2 en sortie</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="75"/>
        <source>result %1 in %2 ms</source>
        <translation>résultat %1 en %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="81"/>
        <source>%1 (%2) waits for a decision</source>
        <translation>%1 (%2) attend une décision</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="84"/>
        <source>approved by %1</source>
        <translation>approuvé par %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="85"/>
        <source>rejected by %1</source>
        <translation>rejeté par %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="89"/>
        <source>by %1</source>
        <translation>par %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="93"/>
        <source>attempt %1 in %2 ms after: %3</source>
        <translation>tentative %1 dans %2 ms après : %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="98"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2 : %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="149"/>
        <source>Seq</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="151"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="153"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="155"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="157"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>awb::ui::JsonPane</name>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="51"/>
        <source>%1 as JSON text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="60"/>
        <source>%1 as a tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="77"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="77"/>
        <source>Show as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="78"/>
        <source>Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="79"/>
        <source>Show as a foldable tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="84"/>
        <source>Expand all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="85"/>
        <location filename="../ui/inspector/JsonPane.cpp" line="86"/>
        <source>Collapse all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="88"/>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="88"/>
        <source>Find (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="110"/>
        <source>Find in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="111"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="115"/>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="117"/>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="119"/>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="121"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="238"/>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="266"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::JsonTreeModel</name>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="39"/>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="45"/>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="53"/>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="57"/>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="61"/>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="65"/>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="135"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="137"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="139"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::KeyField</name>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="25"/>
        <source>Store in Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="32"/>
        <source>Paste the secret, then store it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="34"/>
        <source>Store %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="37"/>
        <source>%1: keychain state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="70"/>
        <source>Keychain entry &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="128"/>
        <source>Checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="131"/>
        <source>✔ Stored in keychain (entry &quot;%1&quot;). Enter a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="136"/>
        <source>No secret stored yet (entry &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="139"/>
        <source>Storing in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="142"/>
        <source>Keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="45"/>
        <source>keychain: unlocked</source>
        <translation>trousseau : déverrouillé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="47"/>
        <source>keychain: locked</source>
        <translation>trousseau : verrouillé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="49"/>
        <source>keychain: unavailable</source>
        <translation>trousseau : indisponible</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="50"/>
        <source>keychain: %1</source>
        <translation>trousseau : %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="55"/>
        <source>Task graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="60"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="105"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="106"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="122"/>
        <source>Agent Workbench</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="114"/>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="145"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="148"/>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="151"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="160"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="164"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="166"/>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="170"/>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="174"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="177"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="179"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="184"/>
        <source>Agent:</source>
        <translation>Agent :</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="190"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="236"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="238"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="249"/>
        <source>Run steps</source>
        <translation>Étapes de l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="257"/>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="280"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="295"/>
        <source>Tool schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="312"/>
        <source>Current run: provider, model, tokens and cost</source>
        <translation>Exécution en cours : fournisseur, modèle, jetons et coût</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="313"/>
        <source>keychain: checking…</source>
        <translation>trousseau : vérification…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="315"/>
        <source>Keychain state</source>
        <translation>État du trousseau</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="333"/>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="342"/>
        <source>Cannot Start the Run</source>
        <translation>Impossible de démarrer l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="357"/>
        <source>Cannot Resume the Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Record the Decision</source>
        <translation type="vanished">Impossible d&apos;enregistrer la décision</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="371"/>
        <source>%1 — Agent Workbench</source>
        <translation>%1 — Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="384"/>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="385"/>
        <source>Cannot Open the Workspace</source>
        <translation>Impossible d&apos;ouvrir l&apos;espace de travail</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="390"/>
        <source>Open Another Workspace…</source>
        <translation>Ouvrir un autre espace de travail…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="431"/>
        <source>No run selected</source>
        <translation>Aucune exécution sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="435"/>
        <source> (scripted)</source>
        <translation> (scripté)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="436"/>
        <source>%1 · %2 tokens · US$%3</source>
        <translation>%1 · %2 jetons · US$%3</translation>
    </message>
</context>
<context>
    <name>awb::ui::PlainTranscript</name>
    <message>
        <location filename="../ui/chat/ChatTranscript.cpp" line="203"/>
        <source>Conversation</source>
        <translation type="unfinished">Conversation</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunStepsModel</name>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="15"/>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="17"/>
        <source>tool</source>
        <translation>outil</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="19"/>
        <source>approval</source>
        <translation>approbation</translation>
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
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="148"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="150"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="152"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="154"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="156"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunsModel</name>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="175"/>
        <source>%1 ms</source>
        <translation type="unfinished">%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="176"/>
        <source>%1 s</source>
        <translation type="unfinished">%1 s</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="177"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="191"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="193"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="195"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="197"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="199"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="201"/>
        <source>Cost (US$)</source>
        <translation>Coût (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="203"/>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="205"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="207"/>
        <source>Duration</source>
        <translation type="unfinished">Durée</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunsView</name>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="73"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="76"/>
        <location filename="../ui/runs/RunsView.cpp" line="107"/>
        <source>Runs</source>
        <translation type="unfinished">Exécutions</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="79"/>
        <source>Show runs with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="80"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="87"/>
        <source>Show runs of agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="94"/>
        <source>Search runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="95"/>
        <source>Search run, agent, model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="98"/>
        <source>Resume the interrupted run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="100"/>
        <source>Continue a run a crash interrupted: completed steps are reused and no effect (such as an email) runs twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="144"/>
        <source>Cost (US$)</source>
        <translation type="unfinished">Coût (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="219"/>
        <source>All agents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::SchemaEditor</name>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="35"/>
        <source>read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="37"/>
        <source>idempotent write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="39"/>
        <source>external effect — needs approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="61"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="62"/>
        <source>Effect class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="63"/>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="64"/>
        <source>Revert to the tool&apos;s schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="66"/>
        <source>Input schema (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="68"/>
        <source>Schema problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="69"/>
        <source>Schema check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="71"/>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="72"/>
        <source>Call the tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="73"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="74"/>
        <source>Cancel the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="76"/>
        <source>Call status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="78"/>
        <source>Call result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="82"/>
        <source>Tool schema editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="84"/>
        <source>&amp;Tool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="88"/>
        <source>Discard your edits and show the schema the tool is registered with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="109"/>
        <source>Try the tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="118"/>
        <source>Arguments are checked against the tool&apos;s registered schema before it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="126"/>
        <source>The result of a call appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="207"/>
        <source>Open a workspace to see its tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="231"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="256"/>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="257"/>
        <source>Line %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="265"/>
        <source>Open a workspace to edit its tools&apos; schemas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="268"/>
        <source>✔ Valid JSON Schema (draft-07)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="273"/>
        <source>1 problem: the form follows the last valid schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="274"/>
        <source>%1 problems: the form follows the last valid schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="300"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="306"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="311"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="336"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="341"/>
        <source>Not called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="313"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="343"/>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="319"/>
        <source>Approve %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="320"/>
        <source>%1 has an external effect (for example, it sends an email). It runs only with your approval, which is recorded in the audit trail under your name.

Approve and run this exact call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="328"/>
        <source>Approve and Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="330"/>
        <source>Do Not Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="337"/>
        <source>You did not approve the call; nothing was run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="353"/>
        <source>%1 succeeded in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="353"/>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::SchemaForm</name>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="65"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="86"/>
        <source>This tool takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="118"/>
        <location filename="../ui/editors/SchemaForm.cpp" line="146"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="161"/>
        <source>Partially checked: not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="173"/>
        <source>a number, e.g. 12.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="179"/>
        <source>comma-separated, e.g. a, b, c</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="188"/>
        <source>JSON, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="207"/>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="214"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="284"/>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="285"/>
        <source>%1: not valid JSON (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::SessionController</name>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="184"/>
        <location filename="../ui/session/SessionController.cpp" line="249"/>
        <source>Open a workspace first (File &gt; Open Workspace).</source>
        <translation>Ouvrez d&apos;abord un espace de travail (Fichier &gt; Ouvrir un espace de travail).</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="187"/>
        <source>Type what the agent should do, then press Run.</source>
        <translation>Tapez ce que l&apos;agent doit faire, puis cliquez sur Exécuter.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="253"/>
        <source>Run %1 is not in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="256"/>
        <source>Run %1 is already running here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="271"/>
        <source>The edited arguments are not a JSON object: check the brackets, quotes and commas, or discard the edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="277"/>
        <source>No run is selected.</source>
        <translation>Aucune exécution n&apos;est sélectionnée.</translation>
    </message>
</context>
<context>
    <name>awb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="56"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="57"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="61"/>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="62"/>
        <source>&amp;Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="63"/>
        <source>&amp;Email (SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="64"/>
        <source>&amp;Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="65"/>
        <source>Settings status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="70"/>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="73"/>
        <source>Close settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="99"/>
        <source>Provider profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="101"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="102"/>
        <source>Add a provider profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="104"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="105"/>
        <source>Remove the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="116"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="118"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="121"/>
        <source>Endpoint (base URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="122"/>
        <source>Model</source>
        <translation type="unfinished">Modèle</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="123"/>
        <source>e.g. gpt-4o-mini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="125"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="126"/>
        <source>e.g. eu-west-1 (for data-residency policies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="128"/>
        <source>Fallback profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="129"/>
        <source>other profiles, comma-separated, tried in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="130"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="131"/>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="132"/>
        <source>Test the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="134"/>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="142"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="143"/>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="144"/>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="145"/>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="146"/>
        <source>Re&amp;gion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="147"/>
        <source>&amp;Fallbacks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="148"/>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="186"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="214"/>
        <source>e.g. http://localhost:8080/v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="192"/>
        <source>Add a profile to store its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="218"/>
        <source>Name the profile to store its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="257"/>
        <source>Sending a one-word request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="265"/>
        <source>About the SMTP settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="267"/>
        <source>SMTP server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="268"/>
        <source>smtp://mail.example.com:587 or smtps://…; empty: write emails to the outbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="270"/>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="271"/>
        <source>e.g. finance-bot@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="272"/>
        <source>SMTP username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="273"/>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="277"/>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="278"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="279"/>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="280"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="289"/>
        <source>Open a workspace to edit its SMTP settings: they are stored in its workspace.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="294"/>
        <source>Loading %1/workspace.json…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="312"/>
        <source>Stored in %1/workspace.json (changes are recorded in the audit trail); the password only in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="327"/>
        <source>Enter the server and the username first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="334"/>
        <source>Maximum steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="335"/>
        <source>Maximum tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="338"/>
        <source>Maximum cost in US dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="339"/>
        <source>Maximum run time in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="340"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="342"/>
        <source>Tool calls at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="351"/>
        <source>The limits a new agent starts with; each agent file can change its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="356"/>
        <source>Maximum &amp;steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="357"/>
        <source>Maximum &amp;tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="358"/>
        <source>Maximum &amp;cost (US$):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="359"/>
        <source>Maximum &amp;run time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="360"/>
        <source>Tool calls at &amp;once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="393"/>
        <source>The SMTP server must be a URL like smtp://mail.example.com:587.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="397"/>
        <source>Remove the password from the SMTP URL: store it in the keychain below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="415"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="420"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="455"/>
        <source>Saved. The SMTP settings apply when the workspace is opened again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::Status</name>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="10"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="12"/>
        <source>interrupted</source>
        <translation>interrompue</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="14"/>
        <source>needs approval</source>
        <translation>à approuver</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="16"/>
        <source>succeeded</source>
        <translation>réussie</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="18"/>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="20"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../ui/runs/StatusStyle.cpp" line="22"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
</context>
<context>
    <name>awb::ui::StepInspector</name>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="38"/>
        <source>Model call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="40"/>
        <source>Tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="42"/>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="74"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="125"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="75"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="126"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="198"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="76"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="127"/>
        <source>Raw request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="77"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="128"/>
        <source>Raw response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="80"/>
        <source>Step inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="82"/>
        <source>Step</source>
        <translation type="unfinished">Étape</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="89"/>
        <source>Step kind and id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="91"/>
        <source>Step state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="103"/>
        <source>Status</source>
        <translation type="unfinished">Statut</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="104"/>
        <source>Started</source>
        <translation type="unfinished">Démarrée</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="105"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="106"/>
        <source>Duration</source>
        <translation type="unfinished">Durée</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="107"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="108"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="109"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="110"/>
        <source>Tokens</source>
        <translation type="unfinished">Jetons</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="111"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="112"/>
        <source>Fallbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="113"/>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="114"/>
        <source>Idempotency key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="115"/>
        <source>Call id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="116"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="117"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="118"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="121"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="124"/>
        <source>Step documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="175"/>
        <source>No step selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="176"/>
        <source>Select a node in the task graph to inspect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="198"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="228"/>
        <source>%1 %2 · turn %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="242"/>
        <source>%1 ms</source>
        <translation type="unfinished">%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="250"/>
        <source>%1 in · %2 out · %3 cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="262"/>
        <source>%1 → %2: %3</source>
        <translation type="unfinished">%1 → %2 : %3</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="273"/>
        <source>approved by %1</source>
        <translation type="unfinished">approuvé par %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="273"/>
        <source>rejected by %1</source>
        <translation type="unfinished">rejeté par %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="286"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="289"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="291"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="287"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="360"/>
        <source>No result yet: the step has not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="290"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="292"/>
        <source>Not sent or not answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="311"/>
        <source>The stored result could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="333"/>
        <source>The recorded request could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="341"/>
        <source>No response was recorded for this call.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::TaskGraphPanel</name>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="35"/>
        <source>Task graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="40"/>
        <source>Task graph summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="43"/>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="45"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="47"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="47"/>
        <source>Fit the graph (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="81"/>
        <source>Legend of step states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="111"/>
        <source>No run selected</source>
        <translation type="unfinished">Aucune exécution sélectionnée</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="115"/>
        <source>%n step(s): %1 model, %2 tool, %3 approval</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>awb::ui::TaskGraphView</name>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="21"/>
        <source>MODEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="23"/>
        <source>TOOL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="25"/>
        <source>APPROVAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/GraphItems.cpp" line="72"/>
        <source>%n tok</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphView.cpp" line="40"/>
        <source>Task graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphView.cpp" line="41"/>
        <source>The steps of the current run. Drag to pan, Ctrl+wheel or +/- to zoom, F to fit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>awb::ui::ToolCaller</name>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="61"/>
        <location filename="../ui/editors/ToolCaller.cpp" line="82"/>
        <source>Open a workspace first (File &gt; Open Workspace).</source>
        <translation type="unfinished">Ouvrez d&apos;abord un espace de travail (Fichier &gt; Ouvrir un espace de travail).</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="64"/>
        <source>The workspace has no tool &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="70"/>
        <source>at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="71"/>
        <source>The arguments do not match the input schema of %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="85"/>
        <source>A call is still running: wait for it or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="93"/>
        <source>%1 has an external effect: it runs only after you approve this exact call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="178"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished">%1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::WebTranscript</name>
    <message>
        <location filename="../ui/chat/ChatTranscript.cpp" line="97"/>
        <source>Conversation</source>
        <translation type="unfinished">Conversation</translation>
    </message>
</context>
<context>
    <name>awb::ui::settings</name>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="68"/>
        <source>A provider profile has no name: give each profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="72"/>
        <source>Two provider profiles are called &quot;%1&quot;: names must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="76"/>
        <source>Profile &quot;%1&quot;: unknown provider &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="84"/>
        <source>Profile &quot;%1&quot;: the endpoint &quot;%2&quot; is not an http(s) URL, e.g. https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="93"/>
        <source>Profile &quot;%1&quot;: the fallback &quot;%2&quot; is not another profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="131"/>
        <source>The cost budget &quot;%1&quot; is not a positive amount in US dollars, e.g. 10.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="135"/>
        <source>Budgets must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="165"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="171"/>
        <source>%1 is not valid JSON (%2): fix it by hand before changing settings here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="175"/>
        <source>%1 must hold a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="196"/>
        <location filename="../ui/settings/SettingsStore.cpp" line="200"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
