<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>DeviceCodePanel</name>
    <message>
        <source>Code to enter on Microsoft&apos;s page:</source>
        <translation>Codice da inserire nella pagina di Microsoft:</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Codice di accesso</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>&amp;Copia codice</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>Copia il codice negli appunti</translation>
    </message>
    <message>
        <source>&amp;Open sign-in page</source>
        <translation>&amp;Apri pagina di accesso</translation>
    </message>
    <message>
        <source>Open Microsoft&apos;s sign-in page in the browser</source>
        <translation>Apri nel browser la pagina di accesso di Microsoft</translation>
    </message>
    <message>
        <source>&amp;New code</source>
        <translation>&amp;Nuovo codice</translation>
    </message>
    <message>
        <source>Get a new code</source>
        <translation>Ottieni un nuovo codice</translation>
    </message>
    <message>
        <source>Sign-in page (also as QR code for a phone):</source>
        <translation>Pagina di accesso (anche come codice QR per il telefono):</translation>
    </message>
    <message>
        <source>Sign-in page address</source>
        <translation>Indirizzo della pagina di accesso</translation>
    </message>
    <message>
        <source>QR code of the sign-in page address</source>
        <translation>Codice QR dell&apos;indirizzo della pagina di accesso</translation>
    </message>
    <message>
        <source>The code is in the clipboard: paste it on the sign-in page.</source>
        <translation>Il codice è negli appunti: incollalo nella pagina di accesso.</translation>
    </message>
    <message>
        <source>The code has expired: get a new code.</source>
        <translation>Il codice è scaduto: ottieni un nuovo codice.</translation>
    </message>
    <message>
        <source>The code is valid for %1:%2 more.</source>
        <translation>Il codice è valido ancora per %1:%2.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Administrator</source>
        <translation>Amministratore</translation>
    </message>
    <message>
        <source>Log in to the printer&apos;s Web Config as its administrator.</source>
        <translation>Accedi a Web Config della stampante come amministratore.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nome utente:</translation>
    </message>
    <message>
        <source>usually empty</source>
        <translation>di solito vuoto</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Nome utente dell&apos;amministratore</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Password dell&apos;amministratore</translation>
    </message>
    <message>
        <source>On current models the default administrator password is the printer&apos;s serial number, printed on the label on the printer.</source>
        <translation>Sui modelli attuali la password predefinita dell&apos;amministratore è il numero di serie della stampante, stampato sull&apos;etichetta della stampante.</translation>
    </message>
    <message>
        <source>Demo printer: the administrator password is %1.</source>
        <translation>Stampante dimostrativa: la password dell&apos;amministratore è %1.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Accesso in corso…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Nascondi</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Nascondi la password</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostra la password</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <source>Email service</source>
        <translation>Servizio email</translation>
    </message>
    <message>
        <source>The printer will sign in to Microsoft with OAuth 2.0 to send email.</source>
        <translation>La stampante accederà a Microsoft con OAuth 2.0 per inviare email.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Microsoft &amp;Exchange Online (Microsoft 365 work or school account)</source>
        <translation>Microsoft &amp;Exchange Online (account aziendale o dell&apos;istituto di Microsoft 365)</translation>
    </message>
    <message>
        <source>Microsoft Exchange Online</source>
        <translation>Microsoft Exchange Online</translation>
    </message>
    <message>
        <source>&amp;Outlook.com (personal Microsoft account)</source>
        <translation>&amp;Outlook.com (account Microsoft personale)</translation>
    </message>
    <message>
        <source>Outlook.com</source>
        <translation>Outlook.com</translation>
    </message>
    <message>
        <source>&amp;Sender address:</source>
        <translation>Indirizzo del &amp;mittente:</translation>
    </message>
    <message>
        <source>optional: the signed-in account</source>
        <translation>facoltativo: l&apos;account che accede</translation>
    </message>
    <message>
        <source>Sender address (optional)</source>
        <translation>Indirizzo del mittente (facoltativo)</translation>
    </message>
    <message>
        <source>Before you start (Exchange Online)</source>
        <translation>Prima di iniziare (Exchange Online)</translation>
    </message>
    <message>
        <source>SMTP AUTH is turned on for the tenant and for the sending mailbox.</source>
        <translation>SMTP AUTH è attivo per il tenant e per la casella che invia.</translation>
    </message>
    <message>
        <source>Security defaults do not block SMTP AUTH.</source>
        <translation>Le impostazioni predefinite di sicurezza non bloccano SMTP AUTH.</translation>
    </message>
    <message>
        <source>The printer signs in as a licensed user mailbox, not a shared one.</source>
        <translation>La stampante accede come casella di un utente con licenza, non come casella condivisa.</translation>
    </message>
    <message>
        <source>The printer is reached through its standard network interface.</source>
        <translation>La stampante è raggiunta tramite la sua interfaccia di rete standard.</translation>
    </message>
    <message>
        <source>How?</source>
        <translation>Come?</translation>
    </message>
    <message>
        <source>Check the mailbox…</source>
        <translation>Verifica la casella…</translation>
    </message>
    <message>
        <source>Check the sending mailbox</source>
        <translation>Verifica la casella che invia</translation>
    </message>
    <message>
        <source>The mailbox check comes with its own page in a later version.</source>
        <translation>La verifica della casella arriverà con una pagina propria in una versione successiva.</translation>
    </message>
    <message>
        <source>Saving the choice…</source>
        <translation>Salvataggio della scelta…</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Printer</source>
        <translation>Stampante</translation>
    </message>
    <message>
        <source>Which printer do you want to set up?</source>
        <translation>Quale stampante vuoi configurare?</translation>
    </message>
    <message>
        <source>Printer &amp;address:</source>
        <translation>&amp;Indirizzo della stampante:</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20, printer.example.local or https://192.168.1.20</source>
        <translation>ad es. 192.168.1.20, stampante.esempio.local o https://192.168.1.20</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Indirizzo della stampante</translation>
    </message>
    <message>
        <source>The address is on the printer&apos;s panel or network status sheet. The wizard contacts the printer as soon as the address is complete.</source>
        <translation>L&apos;indirizzo è sul pannello della stampante o sul foglio di stato della rete. La procedura contatta la stampante appena l&apos;indirizzo è completo.</translation>
    </message>
    <message>
        <source>Find printers…</source>
        <translation>Cerca stampanti…</translation>
    </message>
    <message>
        <source>Find printers on this network</source>
        <translation>Cerca stampanti in questa rete</translation>
    </message>
    <message>
        <source>Finding printers on the network comes in a later version.</source>
        <translation>La ricerca delle stampanti in rete arriverà in una versione successiva.</translation>
    </message>
    <message>
        <source>Printers found on this network</source>
        <translation>Stampanti trovate in questa rete</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modello:</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>Firmware:</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>Impronta del certificato (SHA-256):</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Impronta del certificato</translation>
    </message>
    <message>
        <source>Contacting the printer…</source>
        <translation>Contatto con la stampante…</translation>
    </message>
    <message>
        <source>(not shown by the printer)</source>
        <translation>(non indicato dalla stampante)</translation>
    </message>
    <message>
        <source>Continue only if you know the printer&apos;s certificate was renewed, and the fingerprint above matches the one on its network status sheet.</source>
        <translation>Continua solo se sai che il certificato della stampante è stato rinnovato e l&apos;impronta qui sopra corrisponde a quella sul foglio di stato della rete.</translation>
    </message>
    <message>
        <source>The certificate was renewed: trust the new one</source>
        <translation>Il certificato è stato rinnovato: considera attendibile quello nuovo</translation>
    </message>
    <message>
        <source>This printer&apos;s certificate is not trusted yet. Compare the fingerprint above with the one on the printer&apos;s network status sheet.</source>
        <translation>Il certificato di questa stampante non è ancora attendibile. Confronta l&apos;impronta qui sopra con quella sul foglio di stato della rete della stampante.</translation>
    </message>
    <message>
        <source>&amp;Trust this printer&apos;s certificate</source>
        <translation>Considera &amp;attendibile il certificato di questa stampante</translation>
    </message>
    <message>
        <source>Trust the printer&apos;s certificate</source>
        <translation>Considera attendibile il certificato della stampante</translation>
    </message>
</context>
<context>
    <name>PushPage</name>
    <message>
        <source>Save to the printer</source>
        <translation>Salva nella stampante</translation>
    </message>
    <message>
        <source>Write the settings, let the printer save them, then check them.</source>
        <translation>Scrivi le impostazioni, falle salvare alla stampante, poi verificale.</translation>
    </message>
    <message>
        <source>The printer&apos;s email settings change only now. If a step after the first change fails, the previous settings are put back.</source>
        <translation>Le impostazioni email della stampante cambiano solo ora. Se un passo dopo la prima modifica non riesce, vengono ripristinate le impostazioni precedenti.</translation>
    </message>
    <message>
        <source>&amp;Save to printer</source>
        <translation>&amp;Salva nella stampante</translation>
    </message>
    <message>
        <source>Save the settings to the printer</source>
        <translation>Salva le impostazioni nella stampante</translation>
    </message>
    <message>
        <source>Progress of the save</source>
        <translation>Avanzamento del salvataggio</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v di %m</translation>
    </message>
    <message>
        <source>Write the email settings</source>
        <translation>Scrittura delle impostazioni email</translation>
    </message>
    <message>
        <source>Save them on the printer (OK)</source>
        <translation>Salvataggio nella stampante (OK)</translation>
    </message>
    <message>
        <source>Read them back and compare</source>
        <translation>Rilettura e confronto</translation>
    </message>
    <message>
        <source>Printer&apos;s connection test</source>
        <translation>Test di connessione della stampante</translation>
    </message>
    <message>
        <source>Saving to the printer…</source>
        <translation>Salvataggio nella stampante…</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>SMTP authentication (password)</source>
        <translation>Autenticazione SMTP (password)</translation>
    </message>
    <message>
        <source>POP before SMTP</source>
        <translation>POP prima di SMTP</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Disattivata</translation>
    </message>
    <message>
        <source>Microsoft Exchange Online</source>
        <translation>Microsoft Exchange Online</translation>
    </message>
    <message>
        <source>Outlook.com</source>
        <translation>Outlook.com</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuna</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Superato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non superato</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Yes, as %1</source>
        <translation>Sì, come %1</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Stampante</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Autenticazione</translation>
    </message>
    <message>
        <source>Email service</source>
        <translation>Servizio email</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Accesso effettuato</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Server di posta</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicurezza</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Indirizzo del mittente</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Test di connessione</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Non disponibile</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Printer email settings report</source>
        <translation>Rapporto sulle impostazioni email della stampante</translation>
    </message>
    <message>
        <source>What the printer reported on %1.</source>
        <translation>Quanto indicato dalla stampante il %1.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Printer</source>
        <translation>Stampante</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Amministratore</translation>
    </message>
    <message>
        <source>Email service</source>
        <translation>Servizio email</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Accesso</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvataggio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Printer OAuth Wizard</source>
        <translation>Printer OAuth Wizard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>Language of the wizard</source>
        <translation>Lingua della procedura</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Avanti</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in with Microsoft</source>
        <translation>Accesso con Microsoft</translation>
    </message>
    <message>
        <source>The printer signs in to the mailbox it sends from. Finish it in a browser.</source>
        <translation>La stampante accede alla casella da cui invia. Completa l&apos;accesso in un browser.</translation>
    </message>
    <message>
        <source>Sign-in state</source>
        <translation>Stato dell&apos;accesso</translation>
    </message>
    <message>
        <source>Waiting for the sign-in…</source>
        <translation>In attesa dell&apos;accesso…</translation>
    </message>
    <message>
        <source>Who signs in?</source>
        <translation>Chi deve accedere?</translation>
    </message>
    <message>
        <source>Sign in with the Outlook.com account the printer sends from. Allow the permissions Epson&apos;s app asks for.</source>
        <translation>Accedi con l&apos;account Outlook.com da cui invia la stampante. Consenti le autorizzazioni richieste dall&apos;app di Epson.</translation>
    </message>
    <message>
        <source>Sign in as the licensed user mailbox the printer sends from (not a shared mailbox). If Microsoft asks for permissions, an administrator (Global or Cloud Application Administrator) must tick “Consent on behalf of your organization” and accept.</source>
        <translation>Accedi come la casella dell&apos;utente con licenza da cui invia la stampante (non una casella condivisa). Se Microsoft chiede le autorizzazioni, un amministratore (amministratore globale o amministratore applicazioni cloud) deve spuntare “Consenso per conto dell&apos;organizzazione” e accettare.</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Accesso effettuato come %1.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation>In attesa dell&apos;accesso nel browser…</translation>
    </message>
    <message>
        <source>The printer reports: %1</source>
        <translation>La stampante indica: %1</translation>
    </message>
    <message>
        <source>(printer: “%1”)</source>
        <translation>(stampante: “%1”)</translation>
    </message>
    <message>
        <source>Asking the printer for a sign-in code…</source>
        <translation>Richiesta di un codice di accesso alla stampante…</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Email server status</source>
        <translation>Stato del server email</translation>
    </message>
    <message>
        <source>What the printer reports now.</source>
        <translation>Quanto indica ora la stampante.</translation>
    </message>
    <message>
        <source>Email server status of the printer</source>
        <translation>Stato del server email della stampante</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aggiorna</translation>
    </message>
    <message>
        <source>Read the status again</source>
        <translation>Rileggi lo stato</translation>
    </message>
    <message>
        <source>Sign &amp;in again</source>
        <translation>&amp;Accedi di nuovo</translation>
    </message>
    <message>
        <source>Sign the printer in again</source>
        <translation>Fai accedere di nuovo la stampante</translation>
    </message>
    <message>
        <source>After 90 days without use the printer&apos;s sign-in expires: sign in again.</source>
        <translation>Dopo 90 giorni senza uso l&apos;accesso della stampante scade: accedi di nuovo.</translation>
    </message>
    <message>
        <source>Open &amp;Web Config</source>
        <translation>Apri &amp;Web Config</translation>
    </message>
    <message>
        <source>Open the printer&apos;s Web Config in the browser</source>
        <translation>Apri nel browser Web Config della stampante</translation>
    </message>
    <message>
        <source>Save &amp;report</source>
        <translation>Salva &amp;rapporto</translation>
    </message>
    <message>
        <source>Save a report for the customer</source>
        <translation>Salva un rapporto per il cliente</translation>
    </message>
    <message>
        <source>&amp;Another printer</source>
        <translation>Altra &amp;stampante</translation>
    </message>
    <message>
        <source>Set up another printer</source>
        <translation>Configura un&apos;altra stampante</translation>
    </message>
    <message>
        <source>Where the report was saved</source>
        <translation>Dove è stato salvato il rapporto</translation>
    </message>
    <message>
        <source>Reading the printer&apos;s status…</source>
        <translation>Lettura dello stato della stampante…</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Rapporto salvato: %1</translation>
    </message>
    <message>
        <source>Logging in again…</source>
        <translation>Nuovo accesso in corso…</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>Help (F1)</source>
        <translation>Guida (F1)</translation>
    </message>
    <message>
        <source>Help for this page</source>
        <translation>Guida per questa pagina</translation>
    </message>
    <message>
        <source>Opens the help for this page or its error</source>
        <translation>Apre la guida per questa pagina o per il suo errore</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Operazione in corso</translation>
    </message>
    <message>
        <source>What does this mean?</source>
        <translation>Cosa significa?</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Operazione in corso…</translation>
    </message>
</context>
</TS>
