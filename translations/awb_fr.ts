<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>awb::ui::ApprovalPanel</name>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="19"/>
        <source>External effect: acts outside this workspace (for example, sends an email) and cannot be undone.</source>
        <translation>Effet externe : agit hors de cet espace de travail (par exemple, envoie un e-mail) et ne peut pas être annulé.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="23"/>
        <source>Write: changes data; repeating it changes nothing more.</source>
        <translation>Écriture : modifie des données ; la répéter ne change rien de plus.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="25"/>
        <source>Read only.</source>
        <translation>Lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="32"/>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="33"/>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="36"/>
        <source>Approval request</source>
        <translation>Demande d&apos;approbation</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="53"/>
        <source>Arguments of the tool call</source>
        <translation>Arguments de l&apos;appel d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="58"/>
        <source>Approve this tool call</source>
        <translation>Approuver cet appel d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="61"/>
        <source>Reject this tool call</source>
        <translation>Rejeter cet appel d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="84"/>
        <source>Approve the call of %1?</source>
        <translation>Approuver l&apos;appel de %1 ?</translation>
    </message>
</context>
<context>
    <name>awb::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="46"/>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="49"/>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="51"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="55"/>
        <source>Request to the agent</source>
        <translation>Demande à l&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="57"/>
        <source>Describe the task, e.g. &quot;Reconcile Q3 revenue against the ERP ledger&quot;</source>
        <translation>Décrivez la tâche, p. ex. « Rapprocher le chiffre d’affaires du T3 du grand livre ERP »</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="60"/>
        <source>Run the agent</source>
        <translation>Exécuter l&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="109"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="131"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="158"/>
        <source>Run %1 · %2 tokens · US$%3</source>
        <translation>Exécution %1 · %2 jetons · US$%3</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="172"/>
        <source>### Agent Workbench

Pick an agent in the toolbar, describe the task below and press **Run**. Every step appears in *Run steps* as it executes, and a tool call that needs your approval waits here until you decide.</source>
        <translation>### Agent Workbench

Choisissez un agent dans la barre d&apos;outils, décrivez la tâche ci-dessous et cliquez sur **Exécuter**. Chaque étape apparaît dans *Étapes de l&apos;exécution* pendant qu&apos;elle s&apos;exécute, et un appel d&apos;outil qui demande votre approbation attend ici votre décision.</translation>
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
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="226"/>
        <source>Waiting for your approval to call %1</source>
        <translation>Attend votre approbation pour appeler %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="232"/>
        <source>%1 approved by %2</source>
        <translation>%1 approuvé par %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="233"/>
        <source>%1 rejected by %2</source>
        <translation>%1 rejeté par %2</translation>
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
    <name>awb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="37"/>
        <source>keychain: unlocked</source>
        <translation>trousseau : déverrouillé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="39"/>
        <source>keychain: locked</source>
        <translation>trousseau : verrouillé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="41"/>
        <source>keychain: unavailable</source>
        <translation>trousseau : indisponible</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="42"/>
        <source>keychain: %1</source>
        <translation>trousseau : %1</translation>
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
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="89"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="92"/>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="96"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="100"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="102"/>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="106"/>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="110"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="113"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="115"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="120"/>
        <source>Agent:</source>
        <translation>Agent :</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="126"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="172"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="189"/>
        <source>Run steps</source>
        <translation>Étapes de l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="197"/>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="223"/>
        <source>Current run: provider, model, tokens and cost</source>
        <translation>Exécution en cours : fournisseur, modèle, jetons et coût</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="224"/>
        <source>keychain: checking…</source>
        <translation>trousseau : vérification…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="226"/>
        <source>Keychain state</source>
        <translation>État du trousseau</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="244"/>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="253"/>
        <source>Cannot Start the Run</source>
        <translation>Impossible de démarrer l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="261"/>
        <source>Cannot Record the Decision</source>
        <translation>Impossible d&apos;enregistrer la décision</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="275"/>
        <source>%1 — Agent Workbench</source>
        <translation>%1 — Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="287"/>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="288"/>
        <source>Cannot Open the Workspace</source>
        <translation>Impossible d&apos;ouvrir l&apos;espace de travail</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="293"/>
        <source>Open Another Workspace…</source>
        <translation>Ouvrir un autre espace de travail…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="336"/>
        <source>No run selected</source>
        <translation>Aucune exécution sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="340"/>
        <source> (scripted)</source>
        <translation> (scripté)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="341"/>
        <source>%1 · %2 tokens · US$%3</source>
        <translation>%1 · %2 jetons · US$%3</translation>
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
        <location filename="../ui/runs/RunsModel.cpp" line="163"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="165"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="167"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="169"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="171"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="173"/>
        <source>Cost (US$)</source>
        <translation>Coût (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="175"/>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
</context>
<context>
    <name>awb::ui::SessionController</name>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="184"/>
        <source>Open a workspace first (File &gt; Open Workspace).</source>
        <translation>Ouvrez d&apos;abord un espace de travail (Fichier &gt; Ouvrir un espace de travail).</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="187"/>
        <source>Type what the agent should do, then press Run.</source>
        <translation>Tapez ce que l&apos;agent doit faire, puis cliquez sur Exécuter.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="239"/>
        <source>No run is selected.</source>
        <translation>Aucune exécution n&apos;est sélectionnée.</translation>
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
</TS>
