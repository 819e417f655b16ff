<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>awb::ui</name>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="38"/>
        <source>&quot;%1&quot; is not a JSON Schema type; use one of array, boolean, integer, null, number, object, string</source>
        <translation>« %1 » n&apos;est pas un type JSON Schema ; utilisez array, boolean, integer, null, number, object ou string</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="59"/>
        <source>the draft-07 meta-schema is missing from this build</source>
        <translation>le méta-schéma draft-07 est absent de cette version</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaCheck.cpp" line="84"/>
        <source>not valid JSON: %1</source>
        <translation>JSON non valide : %1</translation>
    </message>
    <message>
        <location filename="../ui/session/ProviderSelection.cpp" line="30"/>
        <source>There is no provider profile &quot;%1&quot;: create it in Settings (Ctrl+,) under Providers, or pick another provider in the toolbar.</source>
        <translation>Il n’y a pas de profil de fournisseur « %1 » : créez-le dans Paramètres (Ctrl+,) &gt; Fournisseurs, ou choisissez un autre fournisseur dans la barre d’outils.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="23"/>
        <source>Run %1 is not in this workspace.</source>
        <translation>L’exécution %1 n’est pas dans cet espace de travail.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="127"/>
        <source>Run %1 replays run %2, which cannot be read: %3</source>
        <translation>L’exécution %1 rejoue l’exécution %2, qui ne peut pas être lue : %3</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="151"/>
        <source>The run could not start</source>
        <translation>L’exécution n’a pas pu démarrer</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="154"/>
        <source>The message could not be sent</source>
        <translation>Le message n’a pas pu être envoyé</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="157"/>
        <source>The run could not be resumed</source>
        <translation>L’exécution n’a pas pu reprendre</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="160"/>
        <source>The replay could not start</source>
        <translation>Le rejeu n’a pas pu démarrer</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="165"/>
        <source>Enter the key of that profile in Settings (Ctrl+,) under Providers and press Store in Keychain, then try again.</source>
        <translation>Saisissez la clé de ce profil dans Paramètres (Ctrl+,) &gt; Fournisseurs, appuyez sur « Enregistrer dans le trousseau », puis réessayez.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="168"/>
        <source>Unlock the keychain, then try again.</source>
        <translation>Déverrouillez le trousseau, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="170"/>
        <source>Start a keychain service (Secret Service, e.g. GNOME Keyring), or pick the scripted provider in the toolbar.</source>
        <translation>Démarrez un service de trousseau (Secret Service, p. ex. GNOME Keyring), ou choisissez le fournisseur scripté dans la barre d’outils.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="173"/>
        <source>Complete the profile in Settings (Ctrl+,) under Providers, then try again.</source>
        <translation>Complétez le profil dans Paramètres (Ctrl+,) &gt; Fournisseurs, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="174"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/session/RunPreparation.cpp" line="181"/>
        <source>Your message is still in the input field.</source>
        <translation>Votre message est toujours dans le champ de saisie.</translation>
    </message>
</context>
<context>
    <name>awb::ui::ApprovalPanel</name>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="27"/>
        <source>External effect: acts outside this workspace (for example, sends an email) and cannot be undone.</source>
        <translation>Effet externe : agit hors de cet espace de travail (par exemple, envoie un e-mail) et ne peut pas être annulé.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="30"/>
        <source>Write: changes data; repeating it changes nothing more.</source>
        <translation>Écriture : modifie des données ; la répéter ne change rien de plus.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="32"/>
        <source>Read only.</source>
        <translation>Lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="70"/>
        <source>Cannot show the attachment: %1</source>
        <translation>Impossible d&apos;afficher la pièce jointe : %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="78"/>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="227"/>
        <source>&amp;Edit Arguments</source>
        <translation>&amp;Modifier les arguments</translation>
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
        <translation>Pourquoi la décision n&apos;a pas été enregistrée</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="121"/>
        <source>Edit the arguments before deciding</source>
        <translation>Modifiez les arguments avant de décider</translation>
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
        <translation>Aperçu du PDF joint</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="147"/>
        <source>Arguments, exactly as the tool will receive them:</source>
        <translation>Arguments, exactement tels que l&apos;outil les recevra :</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="184"/>
        <source>Attachment: %1 (1 page)</source>
        <translation>Pièce jointe : %1 (1 page)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="185"/>
        <source>Attachment: %1 (%2 pages)</source>
        <translation>Pièce jointe : %1 (%2 pages)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="189"/>
        <source>Cannot show %1: the file is not a readable PDF.</source>
        <translation>Impossible d&apos;afficher %1 : le fichier n&apos;est pas un PDF lisible.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="201"/>
        <source>Approve the call of %1?</source>
        <translation>Approuver l&apos;appel de %1 ?</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="227"/>
        <source>&amp;Discard Edits</source>
        <translation>&amp;Ignorer les modifications</translation>
    </message>
    <message>
        <location filename="../ui/chat/ApprovalPanel.cpp" line="260"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditFilterBar</name>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="28"/>
        <source>Search entries</source>
        <translation>Rechercher dans les entrées</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="29"/>
        <source>Search data, actor, kind, run…</source>
        <translation>Rechercher données, acteur, type, exécution…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="33"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="33"/>
        <source>Any run</source>
        <translation>Toutes les exécutions</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="34"/>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="34"/>
        <source>Any actor</source>
        <translation>Tous les acteurs</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="35"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="35"/>
        <source>Any kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="36"/>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="36"/>
        <source>Any tool</source>
        <translation>Tous les outils</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="41"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="42"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditFilterBar.cpp" line="66"/>
        <source>Filter %1</source>
        <translation>Filtrer %1</translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditModel</name>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="273"/>
        <source>This entry failed verification</source>
        <translation>Cette entrée a échoué à la vérification</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="306"/>
        <source>Seq</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="308"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="310"/>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="312"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="314"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="316"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>awb::ui::AuditView</name>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="107"/>
        <source>Could not verify the audit trail: %1</source>
        <translation>Impossible de vérifier la piste d&apos;audit : %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="75"/>
        <source>the workspace has no id to look it up by</source>
        <translation>l&apos;espace de travail n&apos;a pas d&apos;identifiant sous lequel la chercher</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="83"/>
        <source>none is stored yet; the next run writes one</source>
        <translation>aucune n&apos;est encore enregistrée ; la prochaine exécution en écrira une</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="128"/>
        <source>Cannot export: %1</source>
        <translation>Exportation impossible : %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="154"/>
        <location filename="../ui/audit/AuditTasks.cpp" line="157"/>
        <source>The export failed: %1</source>
        <translation>L&apos;exportation a échoué : %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="161"/>
        <source>Exported %1 entries to %2</source>
        <translation>%1 entrées exportées vers %2</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="164"/>
        <source>Exported the audit trail to %1</source>
        <translation>Piste d&apos;audit exportée vers %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="192"/>
        <source>Anchored in the keychain at entry %1 (written %2)</source>
        <translation>Ancrée dans le trousseau à l&apos;entrée %1 (écrite le %2)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="198"/>
        <source>Not anchored: %1</source>
        <translation>Non ancrée : %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="215"/>
        <source>Not verified: %1</source>
        <translation>Non vérifiée : %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="217"/>
        <source>Intact: %1 entries verified; head %2</source>
        <translation>Intacte : %1 entrées vérifiées ; tête %2</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="221"/>
        <source>Altered: %1</source>
        <translation>Modifiée : %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditTasks.cpp" line="222"/>
        <source>Altered at entry %1: %2</source>
        <translation>Modifiée à l&apos;entrée %1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="48"/>
        <source>Audit trail</source>
        <translation>Piste d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="54"/>
        <source>Verification status</source>
        <translation>État de la vérification</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="60"/>
        <source>Audit entries</source>
        <translation>Entrées d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="71"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="74"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="86"/>
        <source>Selected entry as canonical JSON</source>
        <translation>Entrée sélectionnée en JSON canonique</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="89"/>
        <source>Select an entry to see it as signed.</source>
        <translation>Sélectionnez une entrée pour la voir telle qu&apos;elle a été signée.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="102"/>
        <source>Entries shown</source>
        <translation>Entrées affichées</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="105"/>
        <source>Progress of the audit task</source>
        <translation>Progression de la tâche d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="110"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="112"/>
        <source>Cancel the audit task</source>
        <translation>Annuler la tâche d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="117"/>
        <source>Outcome of the last export</source>
        <translation>Résultat de la dernière exportation</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="121"/>
        <source>Anchor of the trail in the keychain</source>
        <translation>Ancre de la piste d&apos;audit dans le trousseau</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="123"/>
        <source>The trail&apos;s last head, kept in the keychain beside its key: Verify uses it to find a trail that was cut off, emptied or replaced by an older copy.</source>
        <translation>La dernière tête de la piste, gardée dans le trousseau à côté de sa clé : « Vérifier » s&apos;en sert pour trouver une piste tronquée, vidée ou remplacée par une copie plus ancienne.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="155"/>
        <location filename="../ui/audit/AuditView.cpp" line="251"/>
        <source>Not verified yet. Verify checks every entry&apos;s signature and link.</source>
        <translation>Pas encore vérifiée. « Vérifier » contrôle la signature et le chaînage de chaque entrée.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="187"/>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="188"/>
        <source>Newest first</source>
        <translation>Les plus récentes d&apos;abord</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="189"/>
        <source>Oldest first</source>
        <translation>Les plus anciennes d&apos;abord</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="191"/>
        <source>Clear Filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="193"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="197"/>
        <source>Show All</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="199"/>
        <source>Show the whole trail</source>
        <translation>Afficher toute la piste</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="205"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="207"/>
        <source>Refresh the audit trail</source>
        <translation>Actualiser la piste d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="210"/>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="212"/>
        <source>Verify the audit trail</source>
        <translation>Vérifier la piste d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="213"/>
        <source>Check every entry&apos;s signature and link to the one before</source>
        <translation>Contrôler la signature de chaque entrée et son lien avec la précédente</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="217"/>
        <source>Export the audit trail</source>
        <translation>Exporter la piste d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="218"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="224"/>
        <source>Whole Trail as JSONL (verifiable)…</source>
        <translation>Piste complète en JSONL (vérifiable)…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="228"/>
        <source>Filtered Entries as CSV…</source>
        <translation>Entrées filtrées en CSV…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="321"/>
        <source>From entry %1 on</source>
        <translation>À partir de l&apos;entrée %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="322"/>
        <source>From entry %1 back</source>
        <translation>De l&apos;entrée %1 en remontant</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="346"/>
        <source>No workspace open.</source>
        <translation>Aucun espace de travail ouvert.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="354"/>
        <source>Showing %1 of %2 entries</source>
        <translation>%1 entrées affichées sur %2</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="355"/>
        <source>Showing %1 of %2 matching entries</source>
        <translation>%1 entrées correspondantes affichées sur %2</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="357"/>
        <source>Showing %1 entries</source>
        <translation>%1 entrées affichées</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="359"/>
        <source> — loading…</source>
        <translation> — chargement…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="432"/>
        <source>Verifying every entry…</source>
        <translation>Vérification de toutes les entrées…</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="434"/>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="441"/>
        <location filename="../ui/audit/AuditView.cpp" line="448"/>
        <source>Exporting</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="455"/>
        <source>Export Filtered Entries as CSV</source>
        <translation>Exporter les entrées filtrées en CSV</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="455"/>
        <source>Export the Audit Trail as JSONL</source>
        <translation>Exporter la piste d&apos;audit en JSONL</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="457"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="457"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="499"/>
        <source>Verification cancelled; the trail was not checked.</source>
        <translation>Vérification annulée ; la piste n&apos;a pas été contrôlée.</translation>
    </message>
    <message>
        <location filename="../ui/audit/AuditView.cpp" line="500"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportation annulée ; aucun fichier n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>awb::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="47"/>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="47"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="50"/>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="52"/>
        <source>Request to the agent</source>
        <translation>Demande à l&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="54"/>
        <source>Describe the task, e.g. &quot;Reconcile Q3 revenue against the ERP ledger&quot;; after an answer, a new message continues the conversation</source>
        <translation>Décrivez la tâche, par ex. « Rapprocher le chiffre d&apos;affaires du T3 du grand livre de l&apos;ERP » ; après une réponse, un nouveau message poursuit la conversation</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="58"/>
        <source>Run the agent</source>
        <translation>Exécuter l&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="62"/>
        <source>Stop the run</source>
        <translation>Arrêter l&apos;exécution</translation>
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
            <numerusform>%n nouvelle tentative</numerusform>
            <numerusform>%n nouvelles tentatives</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="164"/>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="179"/>
        <source>%1 rejected by %2: the call does not run</source>
        <translation>%1 rejeté par %2 : l&apos;appel n&apos;est pas exécuté</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="191"/>
        <source>Run %1</source>
        <translation>Exécution %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="201"/>
        <source>Check that the model server at that address is running and reachable, or pick another provider in the toolbar, then send the message again.</source>
        <translation>Vérifiez que le serveur du modèle à cette adresse fonctionne et est joignable, ou choisissez un autre fournisseur dans la barre d’outils, puis renvoyez le message.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="204"/>
        <source>Store the right key for the profile in Settings (Ctrl+,) under Providers, then send the message again.</source>
        <translation>Enregistrez la bonne clé du profil dans Paramètres (Ctrl+,) &gt; Fournisseurs, puis renvoyez le message.</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="212"/>
        <source> (scripted model)</source>
        <translation> (modèle scripté)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="213"/>
        <source>%1 · %2 tokens (%3 in, %4 out) · US$%5</source>
        <translation>%1 · %2 jetons (%3 en entrée, %4 en sortie) · US$%5</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="242"/>
        <source>&lt;h3&gt;Agent Workbench&lt;/h3&gt;&lt;p&gt;Pick an agent in the toolbar, describe the task below and press &lt;b&gt;Run&lt;/b&gt;. The answer streams in here, every tool call shows as one line with its status, and a call that needs your approval waits here until you decide.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Agent Workbench&lt;/h3&gt;&lt;p&gt;Choisissez un agent dans la barre d&apos;outils, décrivez la tâche ci-dessous et cliquez sur &lt;b&gt;Exécuter&lt;/b&gt;. La réponse s&apos;affiche ici au fil de l&apos;eau, chaque appel d&apos;outil apparaît sur une ligne avec son statut, et un appel qui nécessite votre approbation attend ici jusqu&apos;à votre décision.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="250"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="314"/>
        <source>Fell back from %1 to %2</source>
        <translation>Repli de %1 vers %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="130"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="304"/>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatView.cpp" line="175"/>
        <source>%1 approved by %2</source>
        <translation>%1 approuvé par %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::CodeEditor</name>
    <message>
        <location filename="../ui/editors/CodeEditor.cpp" line="21"/>
        <source>Line numbers and problem markers</source>
        <translation>Numéros de ligne et marqueurs de problèmes</translation>
    </message>
</context>
<context>
    <name>awb::ui::ConnectionTester</name>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="44"/>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation>Fournisseur « %1 » inconnu.</translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="48"/>
        <source>Enter a model name first (e.g. gpt-4o-mini): the test sends one tiny request to it.</source>
        <translation>Saisissez d&apos;abord un nom de modèle (par ex. gpt-4o-mini) : le test lui envoie une toute petite requête.</translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="92"/>
        <source>Enter the endpoint of the %1 server, e.g. http://localhost:8080/v1.</source>
        <translation>Saisissez le point de terminaison du serveur %1, par ex. http://localhost:8080/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/ConnectionTester.cpp" line="120"/>
        <source>Connected to %1: model %2 answered in %3 ms.</source>
        <translation>Connecté à %1 : le modèle %2 a répondu en %3 ms.</translation>
    </message>
</context>
<context>
    <name>awb::ui::EventLogModel</name>
    <message numerus="yes">
        <location filename="../ui/runs/EventLogModel.cpp" line="59"/>
        <source>%n piece(s) of streamed text: %1</source>
        <translation>
            <numerusform>%n fragment de texte reçu en continu : %1</numerusform>
            <numerusform>%n fragments de texte reçus en continu : %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="82"/>
        <source>agent %1, model %2/%3</source>
        <translation>agent %1, modèle %2/%3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="93"/>
        <source>attempt %1</source>
        <translation>tentative %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="98"/>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 jetons en entrée / %2 en sortie</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="103"/>
        <source>result %1 in %2 ms</source>
        <translation>résultat %1 en %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="109"/>
        <source>%1 (%2) waits for a decision</source>
        <translation>%1 (%2) attend une décision</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="112"/>
        <source>approved by %1</source>
        <translation>approuvé par %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="113"/>
        <source>rejected by %1</source>
        <translation>rejeté par %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="117"/>
        <source>by %1</source>
        <translation>par %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="121"/>
        <source>attempt %1 in %2 ms after: %3</source>
        <translation>tentative %1 dans %2 ms après : %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="126"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2 : %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="177"/>
        <source>Seq</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="179"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="181"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="183"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../ui/runs/EventLogModel.cpp" line="185"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>awb::ui::JsonPane</name>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="51"/>
        <source>%1 as JSON text</source>
        <translation>%1 en texte JSON</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="60"/>
        <source>%1 as a tree</source>
        <translation>%1 sous forme d&apos;arborescence</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="77"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="77"/>
        <source>Show as text</source>
        <translation>Afficher en texte</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="78"/>
        <source>Tree</source>
        <translation>Arborescence</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="79"/>
        <source>Show as a foldable tree</source>
        <translation>Afficher en arborescence repliable</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="84"/>
        <source>Expand all</source>
        <translation>Tout développer</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="85"/>
        <location filename="../ui/inspector/JsonPane.cpp" line="86"/>
        <source>Collapse all</source>
        <translation>Tout réduire</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="88"/>
        <source>Find…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="88"/>
        <source>Find (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="110"/>
        <source>Find in %1</source>
        <translation>Rechercher dans %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="111"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="115"/>
        <source>Matches</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="117"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Correspondance précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="119"/>
        <source>Next match (Enter)</source>
        <translation>Correspondance suivante (Entrée)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="121"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="238"/>
        <source>No matches</source>
        <translation>Aucune correspondance</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonPane.cpp" line="266"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::JsonTreeModel</name>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="39"/>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="45"/>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="53"/>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="57"/>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="61"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="65"/>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="135"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="137"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../ui/inspector/JsonTreeModel.cpp" line="139"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>awb::ui::KeyField</name>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="25"/>
        <source>Store in Keychain</source>
        <translation>Enregistrer dans le trousseau</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="32"/>
        <source>Paste the secret, then store it</source>
        <translation>Collez le secret, puis enregistrez-le</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="34"/>
        <source>Store %1 in the keychain</source>
        <translation>Enregistrer %1 dans le trousseau</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="37"/>
        <source>%1: keychain state</source>
        <translation>%1 : état du trousseau</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="70"/>
        <source>Keychain entry &quot;%1&quot;</source>
        <translation>Entrée de trousseau « %1 »</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="128"/>
        <source>Checking the keychain…</source>
        <translation>Vérification du trousseau…</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="131"/>
        <source>✔ Stored in keychain (entry &quot;%1&quot;). Enter a new one to replace it.</source>
        <translation>✔ Enregistré dans le trousseau (entrée « %1 »). Saisissez-en un nouveau pour le remplacer.</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="136"/>
        <source>No secret stored yet (entry &quot;%1&quot;).</source>
        <translation>Aucun secret enregistré pour l&apos;instant (entrée « %1 »).</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="139"/>
        <source>Storing in the keychain…</source>
        <translation>Enregistrement dans le trousseau…</translation>
    </message>
    <message>
        <location filename="../ui/settings/KeyField.cpp" line="142"/>
        <source>Keychain: %1</source>
        <translation>Trousseau : %1</translation>
    </message>
</context>
<context>
    <name>awb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="52"/>
        <source>keychain: unlocked</source>
        <translation>trousseau : déverrouillé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="54"/>
        <source>keychain: locked</source>
        <translation>trousseau : verrouillé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="56"/>
        <source>keychain: unavailable</source>
        <translation>trousseau : indisponible</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="57"/>
        <source>keychain: %1</source>
        <translation>trousseau : %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="62"/>
        <source>Task graph</source>
        <translation>Graphe des tâches</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="67"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
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
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="152"/>
        <source>Preparing the replay…</source>
        <translation>Préparation du rejeu…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="155"/>
        <source>Preparing the run on %1…</source>
        <translation>Préparation de l’exécution sur %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="165"/>
        <source>Stopped before the run started; your message is still in the input field.</source>
        <translation>Arrêté avant le début de l’exécution ; votre message est toujours dans le champ de saisie.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="187"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="190"/>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="193"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="200"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="210"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="214"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="216"/>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="220"/>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="224"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="227"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="229"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="234"/>
        <source>Agent:</source>
        <translation>Agent :</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="240"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="248"/>
        <source>Provider:</source>
        <translation>Fournisseur :</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="254"/>
        <source>Model provider</source>
        <translation>Fournisseur du modèle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="255"/>
        <source>The model new runs talk to: the demo&apos;s scripted model, the agent file&apos;s own, or a provider profile from Settings</source>
        <translation>Le modèle auquel parlent les nouvelles exécutions : le modèle scripté de la démo, celui du fichier de l’agent ou un profil de fournisseur des Paramètres</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="304"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="306"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="317"/>
        <source>Run steps</source>
        <translation>Étapes de l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="325"/>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="348"/>
        <source>Audit trail</source>
        <translation>Piste d&apos;audit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="363"/>
        <source>Tool schema</source>
        <translation>Schéma d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="376"/>
        <source>Prompt editor</source>
        <translation>Éditeur de prompt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="392"/>
        <source>Compare runs</source>
        <translation>Comparer des exécutions</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="424"/>
        <source>Replaying run %1 as run %2</source>
        <translation>Rejeu de l’exécution %1 dans l’exécution %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="427"/>
        <source>Cannot Replay the Run</source>
        <translation>Impossible de rejouer l’exécution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="429"/>
        <source>Stopped the replay before it started.</source>
        <translation>Rejeu arrêté avant son démarrage.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="462"/>
        <source>Current run: provider, model, tokens and cost</source>
        <translation>Exécution en cours : fournisseur, modèle, jetons et coût</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="463"/>
        <source>keychain: checking…</source>
        <translation>trousseau : vérification…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="465"/>
        <source>Keychain state</source>
        <translation>État du trousseau</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="477"/>
        <source>Stop Runs and Quit</source>
        <translation>Arrêter les exécutions et quitter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="491"/>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="499"/>
        <source>Stop Runs and Open</source>
        <translation>Arrêter les exécutions et ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="517"/>
        <source>A run of this workspace is still running. It will be stopped and recorded as cancelled; you can read it in the Runs view afterwards.</source>
        <translation>Une exécution de cet espace de travail est encore en cours. Elle sera arrêtée et enregistrée comme annulée ; vous la retrouverez ensuite dans la vue Exécutions.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="519"/>
        <source>%1 runs of this workspace are still running. They will be stopped and recorded as cancelled; you can read them in the Runs view afterwards.</source>
        <translation>%1 exécutions de cet espace de travail sont encore en cours. Elles seront arrêtées et enregistrées comme annulées ; vous les retrouverez ensuite dans la vue Exécutions.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="522"/>
        <source>Stop Running Runs?</source>
        <translation>Arrêter les exécutions en cours ?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="529"/>
        <source>Keep Running</source>
        <translation>Les laisser continuer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="566"/>
        <source>Cannot Resume the Run</source>
        <translation>Impossible de reprendre l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="580"/>
        <source>%1 — Agent Workbench</source>
        <translation>%1 — Agent Workbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="597"/>
        <source>scripted (demo)</source>
        <translation>scripté (démo)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="598"/>
        <source>agent file&apos;s model</source>
        <translation>modèle du fichier de l’agent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="602"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="610"/>
        <source>%1 (missing profile)</source>
        <translation>%1 (profil manquant)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="625"/>
        <source>No recent workspaces</source>
        <translation>Aucun espace de travail récent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="633"/>
        <source>&amp;%1 %2 — %3</source>
        <translation>&amp;%1 %2 — %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="635"/>
        <source>%1 (folder missing)</source>
        <translation>%1 (dossier manquant)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="642"/>
        <source>%1 was moved or deleted. Use &quot;Remove Missing&quot; to drop it from this list.</source>
        <translation>%1 a été déplacé ou supprimé. « Retirer les manquants » l’enlève de cette liste.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="653"/>
        <source>Remove Missing</source>
        <translation>Retirer les manquants</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow/MainWindow.cpp" line="656"/>
        <source>Removed %n missing workspace(s) from the recent list.</source>
        <translation>
            <numerusform>%n espace de travail manquant retiré de la liste.</numerusform>
            <numerusform>%n espaces de travail manquants retirés de la liste.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="660"/>
        <source>Clear List</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="672"/>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="673"/>
        <source>Cannot Open the Workspace</source>
        <translation>Impossible d&apos;ouvrir l&apos;espace de travail</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="678"/>
        <source>Open Another Workspace…</source>
        <translation>Ouvrir un autre espace de travail…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="721"/>
        <source>No run selected</source>
        <translation>Aucune exécution sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="725"/>
        <source> (scripted)</source>
        <translation> (scripté)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="726"/>
        <source>%1 · %2 tokens · US$%3</source>
        <translation>%1 · %2 jetons · US$%3</translation>
    </message>
</context>
<context>
    <name>awb::ui::NodeState</name>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="66"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="68"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="70"/>
        <source>waiting</source>
        <translation>en attente de décision</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="72"/>
        <source>succeeded</source>
        <translation>réussie</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="74"/>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="76"/>
        <source>retried</source>
        <translation>réessayée</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="78"/>
        <source>fell back</source>
        <translation>repli</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="80"/>
        <source>reused on resume</source>
        <translation>réutilisée à la reprise</translation>
    </message>
    <message>
        <location filename="../ui/graph/NodeStyle.cpp" line="82"/>
        <source>interrupted</source>
        <translation>interrompue</translation>
    </message>
</context>
<context>
    <name>awb::ui::PlainTranscript</name>
    <message>
        <location filename="../ui/chat/ChatTranscript.cpp" line="203"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
</context>
<context>
    <name>awb::ui::PromptEditor</name>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="80"/>
        <source>Prompt editor</source>
        <translation>Éditeur de prompt</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="84"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="85"/>
        <source>Save version…</source>
        <translation>Enregistrer la version…</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="87"/>
        <source>Save version</source>
        <translation>Enregistrer la version</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="89"/>
        <source>Save the instructions as a new named version and write them into the agent file</source>
        <translation>Enregistrer les instructions comme nouvelle version nommée et les écrire dans le fichier d&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="92"/>
        <source>Prompt editor status</source>
        <translation>État de l&apos;éditeur de prompt</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="94"/>
        <source>&amp;Agent:</source>
        <translation>&amp;Agent :</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="102"/>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="103"/>
        <source>The agent&apos;s instructions</source>
        <translation>Les instructions de l&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="107"/>
        <source>Prompt versions</source>
        <translation>Versions du prompt</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="110"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="113"/>
        <source>Select one version to compare it with the one before, or two to compare them</source>
        <translation>Sélectionnez une version pour la comparer à la précédente, ou deux pour les comparer</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="115"/>
        <location filename="../ui/editors/PromptEditor.cpp" line="361"/>
        <source>Select versions to compare</source>
        <translation>Sélectionnez des versions à comparer</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="117"/>
        <source>Compared versions</source>
        <translation>Versions comparées</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="118"/>
        <source>Older version</source>
        <translation>Version plus ancienne</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="119"/>
        <source>Newer version</source>
        <translation>Version plus récente</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="135"/>
        <source>Runs that used the version</source>
        <translation>Exécutions ayant utilisé la version</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="151"/>
        <source>Runs that used the selected version</source>
        <translation>Exécutions ayant utilisé la version sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="215"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/editors/PromptEditor.cpp" line="257"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="365"/>
        <source>v%1 “%2” → v%3 “%4”</source>
        <translation>v%1 « %2 » → v%3 « %4 »</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="370"/>
        <source>v%1 “%2” (first version)</source>
        <translation>v%1 « %2 » (première version)</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="403"/>
        <source>%1  started %2</source>
        <translation>%1  démarrée le %2</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="410"/>
        <source>No run has used v%1 yet</source>
        <translation>Aucune exécution n&apos;a encore utilisé la v%1</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="417"/>
        <source>Save prompt version</source>
        <translation>Enregistrer une version du prompt</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="417"/>
        <source>Name of this version:</source>
        <translation>Nom de cette version :</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="427"/>
        <source>Open a workspace and pick an agent first.</source>
        <translation>Ouvrez d&apos;abord un espace de travail et choisissez un agent.</translation>
    </message>
    <message>
        <location filename="../ui/editors/PromptEditor.cpp" line="435"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>awb::ui::ReplayDialog</name>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="23"/>
        <source>Replay from step %1</source>
        <translation>Rejouer depuis l’étape %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="24"/>
        <source>Replay run &lt;b&gt;%1&lt;/b&gt; from step %2 (%3).</source>
        <translation>Rejouer l’exécution &lt;b&gt;%1&lt;/b&gt; depuis l’étape %2 (%3).</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="32"/>
        <source>A new run reuses the recorded model answers before this step; from this step on the model is called again. A tool call the run made before with the same arguments gets its recorded result. Tools with effects, such as sending an email, are never executed by a replay.</source>
        <translation>Une nouvelle exécution réutilise les réponses enregistrées du modèle avant cette étape ; à partir de cette étape, le modèle est appelé de nouveau. Un appel d’outil déjà fait avec les mêmes arguments reçoit son résultat enregistré. Les outils à effet, comme l’envoi d’un e-mail, ne sont jamais exécutés par un rejeu.</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="40"/>
        <source>Replace the agent&apos;s instructions</source>
        <translation>Remplacer les instructions de l’agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="41"/>
        <source>Use these &amp;instructions from this step on:</source>
        <translation>Utiliser ces &amp;instructions à partir de cette étape :</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="43"/>
        <source>Instructions for the replay</source>
        <translation>Instructions pour le rejeu</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="45"/>
        <source>The agent&apos;s instructions</source>
        <translation>Les instructions de l’agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="47"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="50"/>
        <source>&amp;Replay</source>
        <translation>&amp;Rejouer</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="52"/>
        <source>Start the replay</source>
        <translation>Lancer le rejeu</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="54"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="74"/>
        <source>The instructions are empty: write them, or untick the box to keep the agent&apos;s own.</source>
        <translation>Les instructions sont vides : écrivez-les, ou décochez la case pour garder celles de l’agent.</translation>
    </message>
    <message>
        <location filename="../ui/runs/ReplayDialog.cpp" line="94"/>
        <source>The agent&apos;s instructions could not be read: %1</source>
        <translation>Les instructions de l’agent n’ont pas pu être lues : %1</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunCompareModel</name>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="31"/>
        <source>approved by %1</source>
        <translation>approuvé par %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="34"/>
        <source>rejected by %1: %2</source>
        <translation>refusé par %1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="39"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="56"/>
        <source>calls %1</source>
        <translation>appelle %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="94"/>
        <source>%1 in / %2 out</source>
        <translation>%1 en entrée / %2 en sortie</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="175"/>
        <source>Run %1 has no step here.</source>
        <translation>L’exécution %1 n’a pas d’étape ici.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="177"/>
        <source>Step %1: differs from the other run</source>
        <translation>Étape %1 : diffère de l’autre exécution</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="178"/>
        <source>Step %1: the same in both runs</source>
        <translation>Étape %1 : identique dans les deux exécutions</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="205"/>
        <source>Durations are shown but not marked: two runs never take the same time.</source>
        <translation>Les durées sont affichées mais pas marquées : deux exécutions ne durent jamais exactement autant.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="210"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="212"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="214"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="216"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="218"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="220"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="222"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="224"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareModel.cpp" line="226"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunCompareView</name>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="41"/>
        <source>Run %1 is not in this workspace.</source>
        <translation>L’exécution %1 n’est pas dans cet espace de travail.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="51"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 · %3 · %4 · %5 steps</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 · %3 · %4 · %5 étapes</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="121"/>
        <source>Replay A from this step…</source>
        <translation>Rejouer A depuis cette étape…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="122"/>
        <source>Replay B from this step…</source>
        <translation>Rejouer B depuis cette étape…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="125"/>
        <source>Compare runs</source>
        <translation>Comparer des exécutions</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="126"/>
        <source>Steps of run A</source>
        <translation>Étapes de l’exécution A</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="127"/>
        <source>Steps of run B</source>
        <translation>Étapes de l’exécution B</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="138"/>
        <source>Comparison summary</source>
        <translation>Résumé de la comparaison</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="140"/>
        <source>Run A</source>
        <translation>Exécution A</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="142"/>
        <source>Run B</source>
        <translation>Exécution B</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="148"/>
        <source>Replay run A from the selected step</source>
        <translation>Rejouer l’exécution A depuis l’étape choisie</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="150"/>
        <source>Replay run B from the selected step</source>
        <translation>Rejouer l’exécution B depuis l’étape choisie</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="153"/>
        <source>Start a new run that reuses this run&apos;s recorded answers before the selected step and its recorded tool results; effects such as emails are never executed.</source>
        <translation>Démarre une nouvelle exécution qui réutilise les réponses enregistrées de cette exécution avant l’étape choisie et ses résultats d’outils enregistrés ; les effets comme les e-mails ne sont jamais exécutés.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="171"/>
        <source>Run A and run B</source>
        <translation>Exécution A et exécution B</translation>
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
        <translation>Sélectionnez deux exécutions dans la vue Exécutions et cliquez sur Comparer.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="212"/>
        <source>Loading %1 and %2…</source>
        <translation>Chargement de %1 et %2…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunCompareView.cpp" line="227"/>
        <source>Steps that differ: %1 of %2, compared in order.</source>
        <translation>Étapes qui diffèrent : %1 sur %2, comparées dans l’ordre.</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunStepsModel</name>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="30"/>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="32"/>
        <source>tool</source>
        <translation>outil</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="34"/>
        <source>approval</source>
        <translation>approbation</translation>
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
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="186"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="188"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="190"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="192"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunStepsModel.cpp" line="194"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
</context>
<context>
    <name>awb::ui::RunsModel</name>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="53"/>
        <source>Cannot read the run history: %1</source>
        <translation>Impossible de lire l&apos;historique des exécutions : %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="235"/>
        <source>Cannot read the events of run %1: %2</source>
        <translation>Impossible de lire les événements de l&apos;exécution %1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="318"/>
        <source>Prompt version %1: %2</source>
        <translation>Version %1 du prompt : %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="320"/>
        <source>The instructions this run used were never saved as a version</source>
        <translation>Les instructions de cette exécution n’ont jamais été enregistrées comme version</translation>
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
        <translation>non enregistrée</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="372"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="374"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="376"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="378"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="380"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="382"/>
        <source>Cost (US$)</source>
        <translation>Coût (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="384"/>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="386"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="388"/>
        <source>Duration</source>
        <translation>Durée</translation>
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
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="77"/>
        <source>Com&amp;pare</source>
        <translation>Com&amp;parer</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="80"/>
        <location filename="../ui/runs/RunsView.cpp" line="117"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="83"/>
        <source>Show runs with status</source>
        <translation>Afficher les exécutions ayant le statut</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="84"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="91"/>
        <source>Show runs of agent</source>
        <translation>Afficher les exécutions de l&apos;agent</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="98"/>
        <source>Search runs</source>
        <translation>Rechercher des exécutions</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="99"/>
        <source>Search run, agent, model…</source>
        <translation>Rechercher exécution, agent, modèle…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="102"/>
        <source>Resume the selected run</source>
        <translation>Reprendre l&apos;exécution sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="104"/>
        <source>Continue a run that a crash interrupted, that was stopped, or that failed (after a full disk, say): completed steps are reused and no effect (such as an email) runs twice.</source>
        <translation>Poursuit une exécution interrompue par un plantage, arrêtée ou échouée (sur un disque plein, par exemple) : les étapes terminées sont réutilisées et aucun effet (comme un e-mail) n&apos;est exécuté deux fois.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="111"/>
        <source>Compare the two selected runs</source>
        <translation>Comparer les deux exécutions sélectionnées</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="112"/>
        <source>Select two runs (Ctrl+click) to compare them step by step.</source>
        <translation>Sélectionnez deux exécutions (Ctrl+clic) pour les comparer étape par étape.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="154"/>
        <source>Cost (US$)</source>
        <translation>Coût (US$)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsView.cpp" line="255"/>
        <source>All agents</source>
        <translation>Tous les agents</translation>
    </message>
</context>
<context>
    <name>awb::ui::SchemaEditor</name>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="35"/>
        <source>read only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="37"/>
        <source>idempotent write</source>
        <translation>écriture idempotente</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="39"/>
        <source>external effect — needs approval</source>
        <translation>effet externe — approbation requise</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="61"/>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="62"/>
        <source>Effect class</source>
        <translation>Classe d&apos;effet</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="63"/>
        <source>&amp;Revert</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="64"/>
        <source>Revert to the tool&apos;s schema</source>
        <translation>Rétablir le schéma de l&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="66"/>
        <source>Input schema (JSON)</source>
        <translation>Schéma d&apos;entrée (JSON)</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="68"/>
        <source>Schema problems</source>
        <translation>Problèmes de schéma</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="69"/>
        <source>Schema check</source>
        <translation>Vérification du schéma</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="71"/>
        <source>&amp;Call</source>
        <translation>&amp;Appeler</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="72"/>
        <source>Call the tool</source>
        <translation>Appeler l&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="73"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="74"/>
        <source>Cancel the call</source>
        <translation>Annuler l&apos;appel</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="76"/>
        <source>Call status</source>
        <translation>Statut de l&apos;appel</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="78"/>
        <source>Call result</source>
        <translation>Résultat de l&apos;appel</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="82"/>
        <source>Tool schema editor</source>
        <translation>Éditeur de schéma d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="84"/>
        <source>&amp;Tool:</source>
        <translation>&amp;Outil :</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="88"/>
        <source>Discard your edits and show the schema the tool is registered with</source>
        <translation>Ignorer vos modifications et afficher le schéma avec lequel l&apos;outil est enregistré</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="109"/>
        <source>Try the tool</source>
        <translation>Essayer l&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="118"/>
        <source>Arguments are checked against the tool&apos;s registered schema before it runs</source>
        <translation>Les arguments sont vérifiés par rapport au schéma enregistré de l&apos;outil avant son exécution</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="126"/>
        <source>The result of a call appears here.</source>
        <translation>Le résultat d&apos;un appel s&apos;affiche ici.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="207"/>
        <source>Open a workspace to see its tools.</source>
        <translation>Ouvrez un espace de travail pour voir ses outils.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="231"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="256"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="257"/>
        <source>Line %1 (%2): %3</source>
        <translation>Ligne %1 (%2) : %3</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="265"/>
        <source>Open a workspace to edit its tools&apos; schemas.</source>
        <translation>Ouvrez un espace de travail pour modifier les schémas de ses outils.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="268"/>
        <source>✔ Valid JSON Schema (draft-07)</source>
        <translation>✔ JSON Schema valide (draft-07)</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="273"/>
        <source>1 problem: the form follows the last valid schema</source>
        <translation>1 problème : le formulaire suit le dernier schéma valide</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="274"/>
        <source>%1 problems: the form follows the last valid schema</source>
        <translation>%1 problèmes : le formulaire suit le dernier schéma valide</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="300"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="306"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="311"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="336"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="341"/>
        <source>Not called</source>
        <translation>Non appelé</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="313"/>
        <location filename="../ui/editors/SchemaEditor.cpp" line="343"/>
        <source>Running %1…</source>
        <translation>Exécution de %1…</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="319"/>
        <source>Approve %1?</source>
        <translation>Approuver %1 ?</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="320"/>
        <source>%1 has an external effect (for example, it sends an email). It runs only with your approval, which is recorded in the audit trail under your name.

Approve and run this exact call?</source>
        <translation>%1 a un effet externe (par exemple, il envoie un e-mail). Il ne s&apos;exécute qu&apos;avec votre approbation, qui est consignée dans la piste d&apos;audit à votre nom.

Approuver et exécuter exactement cet appel ?</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="328"/>
        <source>Approve and Run</source>
        <translation>Approuver et exécuter</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="330"/>
        <source>Do Not Run</source>
        <translation>Ne pas exécuter</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="337"/>
        <source>You did not approve the call; nothing was run.</source>
        <translation>Vous n&apos;avez pas approuvé l&apos;appel ; rien n&apos;a été exécuté.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="353"/>
        <source>%1 succeeded in %2 ms</source>
        <translation>%1 a réussi en %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaEditor.cpp" line="353"/>
        <source>%1 failed</source>
        <translation>%1 a échoué</translation>
    </message>
</context>
<context>
    <name>awb::ui::SchemaForm</name>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="65"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="86"/>
        <source>This tool takes no arguments.</source>
        <translation>Cet outil ne prend aucun argument.</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="118"/>
        <location filename="../ui/editors/SchemaForm.cpp" line="146"/>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="161"/>
        <source>Partially checked: not set</source>
        <translation>Partiellement coché : non défini</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="173"/>
        <source>a number, e.g. 12.5</source>
        <translation>un nombre, par ex. 12.5</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="179"/>
        <source>comma-separated, e.g. a, b, c</source>
        <translation>séparés par des virgules, par ex. a, b, c</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="188"/>
        <source>JSON, e.g. %1</source>
        <translation>JSON, par ex. %1</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="207"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="214"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="284"/>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1 : « %2 » n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location filename="../ui/editors/SchemaForm.cpp" line="285"/>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1 : JSON non valide (%2)</translation>
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
        <translation>Ouvrez d&apos;abord un espace de travail (Fichier &gt; Ouvrir un espace de travail).</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="283"/>
        <source>Type what the agent should do, then press Run.</source>
        <translation>Tapez ce que l&apos;agent doit faire, puis cliquez sur Exécuter.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="303"/>
        <source>Type a message, then press Run.</source>
        <translation>Tapez un message, puis cliquez sur Exécuter.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="509"/>
        <source>The instructions for the replay are empty.</source>
        <translation>Les instructions du rejeu sont vides.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="416"/>
        <location filename="../ui/session/SessionController.cpp" line="537"/>
        <source>Run %1 is already running here.</source>
        <translation>L&apos;exécution %1 est déjà en cours ici.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="315"/>
        <source>A run is being prepared: wait a moment, or press Stop.</source>
        <translation>Une exécution est en préparation : patientez un instant ou appuyez sur Arrêter.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="423"/>
        <source>run %1 changed while it was being prepared</source>
        <translation>l’exécution %1 a changé pendant sa préparation</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="552"/>
        <source>The edited arguments are not a JSON object: check the brackets, quotes and commas, or discard the edits.</source>
        <translation>Les arguments modifiés ne forment pas un objet JSON : vérifiez les accolades, les guillemets et les virgules, ou ignorez les modifications.</translation>
    </message>
    <message>
        <location filename="../ui/session/SessionController.cpp" line="532"/>
        <location filename="../ui/session/SessionController.cpp" line="558"/>
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
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="61"/>
        <source>Settings sections</source>
        <translation>Sections des paramètres</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="62"/>
        <source>&amp;Providers</source>
        <translation>&amp;Fournisseurs</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="63"/>
        <source>&amp;Email (SMTP)</source>
        <translation>&amp;E-mail (SMTP)</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="64"/>
        <source>&amp;Budgets</source>
        <translation>&amp;Budgets</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="65"/>
        <source>Settings status</source>
        <translation>État des paramètres</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="70"/>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="73"/>
        <source>Close settings</source>
        <translation>Fermer les paramètres</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="99"/>
        <source>Provider profiles</source>
        <translation>Profils de fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="101"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="102"/>
        <source>Add a provider profile</source>
        <translation>Ajouter un profil de fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="104"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="105"/>
        <source>Remove the selected profile</source>
        <translation>Supprimer le profil sélectionné</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="116"/>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="118"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="121"/>
        <source>Endpoint (base URL)</source>
        <translation>Point de terminaison (URL de base)</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="122"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="123"/>
        <source>e.g. gpt-4o-mini</source>
        <translation>par ex. gpt-4o-mini</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="125"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="126"/>
        <source>e.g. eu-west-1 (for data-residency policies)</source>
        <translation>par ex. eu-west-1 (pour les règles de résidence des données)</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="128"/>
        <source>Fallback profiles</source>
        <translation>Profils de secours</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="129"/>
        <source>other profiles, comma-separated, tried in order</source>
        <translation>autres profils, séparés par des virgules, essayés dans l&apos;ordre</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="130"/>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="131"/>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="132"/>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="134"/>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="142"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="143"/>
        <source>Pro&amp;vider:</source>
        <translation>Fo&amp;urnisseur :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="144"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Point de terminaison :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="145"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="146"/>
        <source>Re&amp;gion:</source>
        <translation>Ré&amp;gion :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="147"/>
        <source>&amp;Fallbacks:</source>
        <translation>Profils de se&amp;cours :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="148"/>
        <source>API &amp;key:</source>
        <translation>C&amp;lé API :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="186"/>
        <location filename="../ui/settings/SettingsDialog.cpp" line="214"/>
        <source>e.g. http://localhost:8080/v1</source>
        <translation>par ex. http://localhost:8080/v1</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="192"/>
        <source>Add a profile to store its key.</source>
        <translation>Ajoutez un profil pour enregistrer sa clé.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="218"/>
        <source>Name the profile to store its key.</source>
        <translation>Nommez le profil pour enregistrer sa clé.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="257"/>
        <source>Sending a one-word request…</source>
        <translation>Envoi d&apos;une requête d&apos;un seul mot…</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="265"/>
        <source>About the SMTP settings</source>
        <translation>À propos des paramètres SMTP</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="267"/>
        <source>SMTP server URL</source>
        <translation>URL du serveur SMTP</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="268"/>
        <source>smtp://mail.example.com:587 or smtps://…; empty: write emails to the outbox folder</source>
        <translation>smtp://mail.example.com:587 ou smtps://… ; vide : écrire les e-mails dans le dossier d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="270"/>
        <source>Sender address</source>
        <translation>Adresse de l&apos;expéditeur</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="271"/>
        <source>e.g. finance-bot@example.com</source>
        <translation>par ex. finance-bot@example.com</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="272"/>
        <source>SMTP username</source>
        <translation>Nom d&apos;utilisateur SMTP</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="273"/>
        <source>SMTP password</source>
        <translation>Mot de passe SMTP</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="277"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="278"/>
        <source>&amp;From:</source>
        <translation>E&amp;xpéditeur :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="279"/>
        <source>&amp;Username:</source>
        <translation>&amp;Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="280"/>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="289"/>
        <source>Open a workspace to edit its SMTP settings: they are stored in its workspace.json.</source>
        <translation>Ouvrez un espace de travail pour modifier ses paramètres SMTP : ils sont stockés dans son fichier workspace.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="294"/>
        <source>Loading %1/workspace.json…</source>
        <translation>Chargement de %1/workspace.json…</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="312"/>
        <source>Stored in %1/workspace.json (changes are recorded in the audit trail); the password only in the keychain.</source>
        <translation>Stockés dans %1/workspace.json (les modifications sont consignées dans la piste d&apos;audit) ; le mot de passe uniquement dans le trousseau.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="327"/>
        <source>Enter the server and the username first.</source>
        <translation>Saisissez d&apos;abord le serveur et le nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="334"/>
        <source>Maximum steps</source>
        <translation>Nombre maximal d&apos;étapes</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="335"/>
        <source>Maximum tokens</source>
        <translation>Nombre maximal de jetons</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="338"/>
        <source>Maximum cost in US dollars</source>
        <translation>Coût maximal en dollars US</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="339"/>
        <source>Maximum run time in seconds</source>
        <translation>Durée d&apos;exécution maximale en secondes</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="340"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="342"/>
        <source>Tool calls at once</source>
        <translation>Appels d&apos;outils simultanés</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="351"/>
        <source>The limits a new agent starts with; each agent file can change its own.</source>
        <translation>Les limites avec lesquelles démarre un nouvel agent ; chaque fichier d&apos;agent peut modifier les siennes.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="356"/>
        <source>Maximum &amp;steps:</source>
        <translation>Nombre maximal d&apos;é&amp;tapes :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="357"/>
        <source>Maximum &amp;tokens:</source>
        <translation>Nombre maximal de &amp;jetons :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="358"/>
        <source>Maximum &amp;cost (US$):</source>
        <translation>&amp;Coût maximal (US$) :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="359"/>
        <source>Maximum &amp;run time:</source>
        <translation>&amp;Durée d&apos;exécution maximale :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="360"/>
        <source>Tool calls at &amp;once:</source>
        <translation>Appels d&apos;outils &amp;simultanés :</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="399"/>
        <source>The SMTP server must be a URL like smtp://mail.example.com:587.</source>
        <translation>Le serveur SMTP doit être une URL comme smtp://mail.example.com:587.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="403"/>
        <source>Remove the password from the SMTP URL: store it in the keychain below.</source>
        <translation>Retirez le mot de passe de l&apos;URL SMTP : enregistrez-le dans le trousseau ci-dessous.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="421"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="426"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="366"/>
        <source>Saved. The SMTP settings apply when the workspace is opened again.</source>
        <translation>Enregistré. Les paramètres SMTP s&apos;appliqueront à la prochaine ouverture de l&apos;espace de travail.</translation>
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
        <location filename="../ui/inspector/StepInspector.cpp" line="40"/>
        <source>Model call</source>
        <translation>Appel de modèle</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="42"/>
        <source>Tool call</source>
        <translation>Appel d&apos;outil</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="44"/>
        <source>Approval</source>
        <translation>Approbation</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="75"/>
        <source>Replay from here…</source>
        <translation>Rejouer depuis ici…</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="77"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="139"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="78"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="140"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="216"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="79"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="141"/>
        <source>Raw request</source>
        <translation>Requête brute</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="80"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="142"/>
        <source>Raw response</source>
        <translation>Réponse brute</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="83"/>
        <source>Step inspector</source>
        <translation>Inspecteur d&apos;étape</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="85"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="92"/>
        <source>Step kind and id</source>
        <translation>Type et identifiant de l&apos;étape</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="94"/>
        <source>Step state</source>
        <translation>État de l&apos;étape</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="102"/>
        <source>Replay the run from this step</source>
        <translation>Rejouer l’exécution depuis cette étape</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="105"/>
        <source>Replay this run from this step: recorded answers before it are reused, the model is called again from it on, and effects such as emails are never executed.</source>
        <translation>Rejouer cette exécution depuis cette étape : les réponses enregistrées avant elle sont réutilisées, le modèle est rappelé à partir d’elle, et les effets comme les e-mails ne sont jamais exécutés.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="117"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="118"/>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="119"/>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="120"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="121"/>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="122"/>
        <source>Retries</source>
        <translation>Nouvelles tentatives</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="123"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="124"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="125"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="126"/>
        <source>Fallbacks</source>
        <translation>Solutions de repli</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="127"/>
        <source>Effect</source>
        <translation>Effet</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="128"/>
        <source>Idempotency key</source>
        <translation>Clé d&apos;idempotence</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="129"/>
        <source>Call id</source>
        <translation>ID d&apos;appel</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="130"/>
        <source>Gates</source>
        <translation>Points de contrôle</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="131"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="132"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="135"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="138"/>
        <source>Step documents</source>
        <translation>Documents de l&apos;étape</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="191"/>
        <source>No step selected</source>
        <translation>Aucune étape sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="192"/>
        <source>Select a node in the task graph to inspect it.</source>
        <translation>Sélectionnez un nœud dans le graphe des tâches pour l&apos;inspecter.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="216"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="246"/>
        <source>%1 %2 · turn %3</source>
        <translation>%1 %2 · tour %3</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="257"/>
        <source>interrupted (recorded as %1; Resume runs it again)</source>
        <translation>interrompue (enregistrée comme %1 ; « Reprendre » la relance)</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="265"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="273"/>
        <source>%1 in · %2 out · %3 cached</source>
        <translation>%1 en entrée · %2 en sortie · %3 en cache</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="285"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2 : %3</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="296"/>
        <source>approved by %1</source>
        <translation>approuvé par %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="296"/>
        <source>rejected by %1</source>
        <translation>rejeté par %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="309"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="312"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="314"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="310"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="383"/>
        <source>No result yet: the step has not finished.</source>
        <translation>Pas encore de résultat : l&apos;étape n&apos;est pas terminée.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="313"/>
        <location filename="../ui/inspector/StepInspector.cpp" line="315"/>
        <source>Not sent or not answered yet.</source>
        <translation>Pas encore envoyé ou pas encore de réponse.</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="334"/>
        <source>The stored result could not be read: %1</source>
        <translation>Impossible de lire le résultat stocké : %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="356"/>
        <source>The recorded request could not be read: %1</source>
        <translation>Impossible de lire la requête enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../ui/inspector/StepInspector.cpp" line="364"/>
        <source>No response was recorded for this call.</source>
        <translation>Aucune réponse n&apos;a été enregistrée pour cet appel.</translation>
    </message>
</context>
<context>
    <name>awb::ui::TaskGraphPanel</name>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="35"/>
        <source>Task graph</source>
        <translation>Graphe des tâches</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="40"/>
        <source>Task graph summary</source>
        <translation>Résumé du graphe des tâches</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="43"/>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="45"/>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="47"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="47"/>
        <source>Fit the graph (F)</source>
        <translation>Ajuster le graphe (F)</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="81"/>
        <source>Legend of step states</source>
        <translation>Légende des états d&apos;étape</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="111"/>
        <source>No run selected</source>
        <translation>Aucune exécution sélectionnée</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/TaskGraphPanel.cpp" line="115"/>
        <source>%n step(s): %1 model, %2 tool, %3 approval</source>
        <translation>
            <numerusform>%n étape : %1 modèle, %2 outil, %3 approbation</numerusform>
            <numerusform>%n étapes : %1 modèle, %2 outil, %3 approbation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>awb::ui::TaskGraphView</name>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="21"/>
        <source>MODEL</source>
        <translation>MODÈLE</translation>
    </message>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="23"/>
        <source>TOOL</source>
        <translation>OUTIL</translation>
    </message>
    <message>
        <location filename="../ui/graph/GraphItems.cpp" line="25"/>
        <source>APPROVAL</source>
        <translation>APPROBATION</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/GraphItems.cpp" line="72"/>
        <source>%n tok</source>
        <translation>
            <numerusform>%n jeton</numerusform>
            <numerusform>%n jetons</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphView.cpp" line="41"/>
        <source>Task graph</source>
        <translation>Graphe des tâches</translation>
    </message>
    <message>
        <location filename="../ui/graph/TaskGraphView.cpp" line="42"/>
        <source>The steps of the current run. Drag to pan, Ctrl+wheel or +/- to zoom, F to fit.</source>
        <translation>Les étapes de l&apos;exécution en cours. Faites glisser pour vous déplacer, Ctrl+molette ou +/- pour zoomer, F pour ajuster.</translation>
    </message>
</context>
<context>
    <name>awb::ui::ToolCaller</name>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="62"/>
        <location filename="../ui/editors/ToolCaller.cpp" line="83"/>
        <source>Open a workspace first (File &gt; Open Workspace).</source>
        <translation>Ouvrez d&apos;abord un espace de travail (Fichier &gt; Ouvrir un espace de travail).</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="65"/>
        <source>The workspace has no tool &quot;%1&quot;.</source>
        <translation>L&apos;espace de travail ne contient aucun outil « %1 ».</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="71"/>
        <source>at %1: %2</source>
        <translation>à %1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="72"/>
        <source>The arguments do not match the input schema of %1:
%2</source>
        <translation>Les arguments ne correspondent pas au schéma d&apos;entrée de %1 :
%2</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="86"/>
        <source>A call is still running: wait for it or cancel it.</source>
        <translation>Un appel est encore en cours : attendez-le ou annulez-le.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="94"/>
        <source>%1 has an external effect: it runs only after you approve this exact call.</source>
        <translation>%1 a un effet externe : il ne s&apos;exécute qu&apos;après votre approbation de cet appel précis.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="135"/>
        <source>Cancelled before %1 started.</source>
        <translation>Annulé avant le démarrage de %1.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="143"/>
        <source>The workspace was closed before %1 started.</source>
        <translation>L&apos;espace de travail a été fermé avant le démarrage de %1.</translation>
    </message>
    <message>
        <location filename="../ui/editors/ToolCaller.cpp" line="213"/>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>awb::ui::WebTranscript</name>
    <message>
        <location filename="../ui/chat/ChatTranscript.cpp" line="97"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
</context>
<context>
    <name>awb::ui::settings</name>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="39"/>
        <source>The settings file cannot be read: %1. Remove or replace it, then start Agent Workbench again.</source>
        <translation>Le fichier de réglages est illisible : %1. Supprimez-le ou remplacez-le, puis relancez Agent Workbench.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="90"/>
        <source>A provider profile has no name: give each profile a name.</source>
        <translation>Un profil de fournisseur n&apos;a pas de nom : donnez un nom à chaque profil.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="94"/>
        <source>Two provider profiles are called &quot;%1&quot;: names must be unique.</source>
        <translation>Deux profils de fournisseur s&apos;appellent « %1 » : les noms doivent être uniques.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="98"/>
        <source>Profile &quot;%1&quot;: unknown provider &quot;%2&quot;.</source>
        <translation>Profil « %1 » : fournisseur « %2 » inconnu.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="106"/>
        <source>Profile &quot;%1&quot;: the endpoint &quot;%2&quot; is not an http(s) URL, e.g. https://api.openai.com/v1.</source>
        <translation>Profil « %1 » : le point de terminaison « %2 » n&apos;est pas une URL http(s), par ex. https://api.openai.com/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="115"/>
        <source>Profile &quot;%1&quot;: the fallback &quot;%2&quot; is not another profile.</source>
        <translation>Profil « %1 » : le profil de secours « %2 » n&apos;est pas un autre profil.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="153"/>
        <source>The cost budget &quot;%1&quot; is not a positive amount in US dollars, e.g. 10.00.</source>
        <translation>Le budget de coût « %1 » n&apos;est pas un montant positif en dollars US, par ex. 10.00.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="157"/>
        <source>Budgets must be at least 1.</source>
        <translation>Les budgets doivent être d&apos;au moins 1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="192"/>
        <source>Cannot read the workspace settings: %1</source>
        <translation>Impossible de lire les réglages de l&apos;espace de travail : %1</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="221"/>
        <source>Cannot write the workspace settings: %1</source>
        <translation>Impossible d&apos;écrire les réglages de l&apos;espace de travail : %1</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="197"/>
        <source>%1 is not valid JSON (%2): fix it by hand before changing settings here.</source>
        <translation>%1 n&apos;est pas un JSON valide (%2) : corrigez-le à la main avant de modifier les paramètres ici.</translation>
    </message>
    <message>
        <location filename="../ui/settings/SettingsStore.cpp" line="201"/>
        <source>%1 must hold a JSON object.</source>
        <translation>%1 doit contenir un objet JSON.</translation>
    </message>
</context>
</TS>
