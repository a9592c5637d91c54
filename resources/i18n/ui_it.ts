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
    <name>FaxPage</name>
    <message>
        <source>Fax server email settings</source>
        <translation>Impostazioni email del server fax</translation>
    </message>
    <message>
        <source>The printer&apos;s email settings are saved and verified. Faxes may go out through another mail server.</source>
        <translation>Le impostazioni email della stampante sono salvate e verificate. I fax possono uscire da un altro server di posta.</translation>
    </message>
    <message>
        <source>Faxes go out through the Internet fax provider&apos;s mail server, which may not be Microsoft: change it only if the provider uses Exchange Online or Outlook.com. The email settings saved before stay as they are whatever you choose here.</source>
        <translation>I fax escono dal server di posta del provider di fax Internet, che potrebbe non essere Microsoft: cambialo solo se il provider usa Exchange Online o Outlook.com. Le impostazioni email salvate prima restano come sono, qualunque cosa tu scelga qui.</translation>
    </message>
    <message>
        <source>More about the fax server</source>
        <translation>Altro sul server fax</translation>
    </message>
    <message>
        <source>Fax server&apos;s email service</source>
        <translation>Servizio email del server fax</translation>
    </message>
    <message>
        <source>&amp;Leave it as it is</source>
        <translation>&amp;Lascia com&apos;è</translation>
    </message>
    <message>
        <source>Leave the fax server settings as they are</source>
        <translation>Lascia invariate le impostazioni del server fax</translation>
    </message>
    <message>
        <source>Microsoft E&amp;xchange Online (Microsoft 365 work or school account)</source>
        <translation>Microsoft E&amp;xchange Online (account aziendale o dell&apos;istituto di Microsoft 365)</translation>
    </message>
    <message>
        <source>Fax server: Microsoft Exchange Online</source>
        <translation>Server fax: Microsoft Exchange Online</translation>
    </message>
    <message>
        <source>Outlook.co&amp;m (personal Microsoft account)</source>
        <translation>Outlook.co&amp;m (account Microsoft personale)</translation>
    </message>
    <message>
        <source>Fax server: Outlook.com</source>
        <translation>Server fax: Outlook.com</translation>
    </message>
    <message>
        <source>Sign-in for the fax server</source>
        <translation>Accesso per il server fax</translation>
    </message>
    <message>
        <source>Sign-in state</source>
        <translation>Stato dell&apos;accesso</translation>
    </message>
    <message>
        <source>Progress of the fax server settings</source>
        <translation>Avanzamento delle impostazioni del server fax</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v di %m</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Accesso</translation>
    </message>
    <message>
        <source>Save on the printer (OK)</source>
        <translation>Salvataggio nella stampante (OK)</translation>
    </message>
    <message>
        <source>Read back and compare</source>
        <translation>Rilettura e confronto</translation>
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
        <source>(printer: “%1”)</source>
        <translation>(stampante: “%1”)</translation>
    </message>
    <message>
        <source>The printer reports: %1</source>
        <translation>La stampante indica: %1</translation>
    </message>
    <message>
        <source>Asking the printer for a sign-in code…</source>
        <translation>Richiesta di un codice di accesso alla stampante…</translation>
    </message>
    <message>
        <source>Leaving the fax server settings as they are…</source>
        <translation>Le impostazioni del server fax restano come sono…</translation>
    </message>
    <message>
        <source>Configuring the fax server settings…</source>
        <translation>Configurazione delle impostazioni del server fax…</translation>
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
    <name>MailboxPage</name>
    <message>
        <source>Check the sending mailbox</source>
        <translation>Verifica la casella mittente</translation>
    </message>
    <message>
        <source>Sign in as the mailbox the printer will send from; the wizard then tests SMTP AUTH with Microsoft. No mail is sent and the printer is not touched.</source>
        <translation>Accedi come la casella da cui la stampante invierà; la procedura verifica poi SMTP AUTH con Microsoft. Non viene inviata alcuna email e la stampante non viene modificata.</translation>
    </message>
    <message>
        <source>This check signs in with the wizard&apos;s own registered application, not the printer&apos;s. It finds what blocks sending before the printer is changed: SMTP AUTH turned off, security defaults, Conditional Access, a shared mailbox.</source>
        <translation>Questa verifica accede con l&apos;applicazione registrata della procedura, non con quella della stampante. Trova ciò che blocca l&apos;invio prima di modificare la stampante: SMTP AUTH disattivato, impostazioni predefinite per la sicurezza, Accesso condizionale, una casella condivisa.</translation>
    </message>
    <message>
        <source>About the mailbox check</source>
        <translation>Informazioni sulla verifica della casella</translation>
    </message>
    <message>
        <source>Sign-in state</source>
        <translation>Stato dell&apos;accesso</translation>
    </message>
    <message>
        <source>Result of the mailbox check</source>
        <translation>Risultato della verifica della casella</translation>
    </message>
    <message>
        <source>&amp;Back to the email service</source>
        <translation>&amp;Torna al servizio email</translation>
    </message>
    <message>
        <source>Back to the email service page</source>
        <translation>Torna alla pagina del servizio email</translation>
    </message>
    <message>
        <source>Checking the mailbox…</source>
        <translation>Verifica della casella in corso…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Accesso effettuato come %1.</translation>
    </message>
    <message>
        <source>Mailbox OK: %1 can send with OAuth 2.0 (SMTP AUTH accepted).</source>
        <translation>Casella OK: %1 può inviare con OAuth 2.0 (SMTP AUTH accettato).</translation>
    </message>
    <message>
        <source>Signed in as %1. Testing SMTP AUTH with Microsoft…</source>
        <translation>Accesso effettuato come %1. Verifica di SMTP AUTH con Microsoft…</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation>In attesa dell&apos;accesso nel browser…</translation>
    </message>
    <message>
        <source>Asking Microsoft for a sign-in code…</source>
        <translation>Richiesta di un codice di accesso a Microsoft…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This is not a printer address. Type an IPv4 address (192.168.1.20), an IPv6 address or a host name, as shown on the printer&apos;s panel.</source>
        <translation>Questo non è un indirizzo di stampante. Digita un indirizzo IPv4 (192.168.1.20), un indirizzo IPv6 o un nome host, come appare sul pannello della stampante.</translation>
    </message>
    <message>
        <source>A setting could not be read ({setting}). Correct it in config.toml or the environment variable, or delete the line to use the default.</source>
        <translation>Un&apos;impostazione non è leggibile ({setting}). Correggila in config.toml o nella variabile d&apos;ambiente, oppure elimina la riga per usare il valore predefinito.</translation>
    </message>
    <message>
        <source>The printer does not answer at {address}. Check that it is switched on, connected to this network, and that the address matches the one on its panel.</source>
        <translation>La stampante non risponde all&apos;indirizzo {address}. Controlla che sia accesa, collegata a questa rete e che l&apos;indirizzo corrisponda a quello sul suo pannello.</translation>
    </message>
    <message>
        <source>A secure connection to the printer could not be set up. Check the address, then restart the printer and try again.</source>
        <translation>Non è stato possibile stabilire una connessione protetta con la stampante. Controlla l&apos;indirizzo, poi riavvia la stampante e riprova.</translation>
    </message>
    <message>
        <source>The printer&apos;s certificate is not trusted yet (fingerprint {fingerprint}). Compare it with the one on the printer&apos;s network status sheet, then trust it.</source>
        <translation>Il certificato della stampante non è ancora attendibile (impronta digitale {fingerprint}). Confrontala con quella sul foglio di stato della rete della stampante, poi consideralo attendibile.</translation>
    </message>
    <message>
        <source>The printer&apos;s certificate has changed since it was trusted (was {old}, now {new}). Stop unless you know the certificate was renewed; then trust the new one explicitly.</source>
        <translation>Il certificato della stampante è cambiato da quando è stato considerato attendibile (prima {old}, ora {new}). Fermati, a meno che tu non sappia che il certificato è stato rinnovato; in quel caso considera attendibile quello nuovo in modo esplicito.</translation>
    </message>
    <message>
        <source>The printer refused the administrator password. Try the serial number on the printer&apos;s label, or the password the customer set.</source>
        <translation>La stampante ha rifiutato la password di amministratore. Prova il numero di serie sull&apos;etichetta della stampante, oppure la password impostata dal cliente.</translation>
    </message>
    <message>
        <source>The printer is refusing logins for a while after several wrong passwords. Wait a few minutes, then try again with the right password.</source>
        <translation>Dopo diverse password errate la stampante rifiuta gli accessi per un po&apos;. Attendi qualche minuto, poi riprova con la password giusta.</translation>
    </message>
    <message>
        <source>The printer ended the administrator session and logging in again did not help. Check that nobody else is using Web Config, then start again.</source>
        <translation>La stampante ha chiuso la sessione di amministratore e un nuovo accesso non è servito. Controlla che nessun altro stia usando Web Config, poi ricomincia.</translation>
    </message>
    <message>
        <source>This printer&apos;s firmware does not offer OAuth2 for email. Update the firmware to the latest version, then run the wizard again.</source>
        <translation>Il firmware di questa stampante non offre OAuth2 per l&apos;e-mail. Aggiorna il firmware all&apos;ultima versione, poi esegui di nuovo la procedura guidata.</translation>
    </message>
    <message>
        <source>The printer is reached through its additional network interface, which does not support OAuth2. Connect to the printer&apos;s standard network interface instead.</source>
        <translation>La stampante è raggiunta tramite la sua interfaccia di rete aggiuntiva, che non supporta OAuth2. Collegati invece all&apos;interfaccia di rete standard della stampante.</translation>
    </message>
    <message>
        <source>A page of the printer&apos;s Web Config could not be understood ({page}). Try once more; if it happens again, set OAuth2 up by hand in Web Config and send the log folder to support.</source>
        <translation>Una pagina di Web Config della stampante non è stata compresa ({page}). Riprova; se si ripete, configura OAuth2 a mano in Web Config e invia la cartella dei registri all&apos;assistenza.</translation>
    </message>
    <message>
        <source>This printer does not use OAuth2 yet, so there is no sign-in to renew. Run the full setup instead.</source>
        <translation>Questa stampante non usa ancora OAuth2, quindi non c&apos;è un accesso da rinnovare. Esegui invece la configurazione completa.</translation>
    </message>
    <message>
        <source>This printer has no fax-server email settings; its email settings were configured and verified. Nothing else needs doing for fax.</source>
        <translation>Questa stampante non ha impostazioni e-mail del server fax; le sue impostazioni e-mail sono state configurate e verificate. Per il fax non serve fare altro.</translation>
    </message>
    <message>
        <source>The printer did not save the settings; its previous settings were put back. Wait until the printer is ready, then sign it in again and save.</source>
        <translation>La stampante non ha salvato le impostazioni; sono state ripristinate quelle precedenti. Attendi che la stampante sia pronta, poi esegui di nuovo l&apos;accesso e salva.</translation>
    </message>
    <message>
        <source>After saving, the printer shows other settings than those written ({field}); the previous settings were put back. Update the firmware, then try again.</source>
        <translation>Dopo il salvataggio la stampante mostra impostazioni diverse da quelle scritte ({field}); sono state ripristinate quelle precedenti. Aggiorna il firmware, poi riprova.</translation>
    </message>
    <message>
        <source>The settings are saved and correct, but the printer&apos;s connection test to Microsoft failed. Check the printer&apos;s DNS, gateway and internet access (port 587).</source>
        <translation>Le impostazioni sono salvate e corrette, ma il test di connessione della stampante verso Microsoft non è riuscito. Controlla DNS, gateway e accesso a Internet della stampante (porta 587).</translation>
    </message>
    <message>
        <source>The sign-in was declined in the browser. Get a new code and sign in again, accepting the permissions.</source>
        <translation>L&apos;accesso è stato rifiutato nel browser. Chiedi un nuovo codice e accedi di nuovo, accettando le autorizzazioni.</translation>
    </message>
    <message>
        <source>Microsoft blocked the sign-in, most likely a Conditional Access policy on device code sign-ins (AADSTS53003). Ask the tenant administrator to allow it for this account.</source>
        <translation>Microsoft ha bloccato l&apos;accesso, molto probabilmente per un criterio di accesso condizionale sugli accessi con codice dispositivo (AADSTS53003). Chiedi all&apos;amministratore del tenant di consentirlo per questo account.</translation>
    </message>
    <message>
        <source>The organisation has not consented to Epson&apos;s app yet. Sign in as a Global Administrator or Cloud Application Administrator and tick &apos;Consent on behalf of your organization&apos;.</source>
        <translation>L&apos;organizzazione non ha ancora dato il consenso all&apos;app di Epson. Accedi come Amministratore globale o Amministratore applicazioni cloud e seleziona &apos;Consenso per conto dell&apos;organizzazione&apos;.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was used. Get a new code and sign in promptly.</source>
        <translation>Il codice di accesso è scaduto prima di essere usato. Chiedi un nuovo codice e accedi subito.</translation>
    </message>
    <message>
        <source>The printer reports that the sign-in did not succeed. Read the printer&apos;s message below, then get a new code and try again.</source>
        <translation>La stampante segnala che l&apos;accesso non è riuscito. Leggi il messaggio della stampante qui sotto, poi chiedi un nuovo codice e riprova.</translation>
    </message>
    <message>
        <source>Cancelled. The printer&apos;s settings are as they were before.</source>
        <translation>Annullato. Le impostazioni della stampante sono come prima.</translation>
    </message>
    <message>
        <source>Cancelled after the new settings were saved and verified: the printer keeps them, and nothing after them was left half-done. Send a test scan to check that email works.</source>
        <translation>Annullato dopo che le nuove impostazioni erano state salvate e verificate: la stampante le mantiene, e nulla di ciò che veniva dopo è rimasto a metà. Invia una scansione di prova per verificare che l&apos;e-mail funzioni.</translation>
    </message>
    <message>
        <source>The mailbox check needs an application (client) ID registered in the customer&apos;s tenant. The help explains how to register one; the printer setup works without it.</source>
        <translation>La verifica della casella di posta richiede un ID applicazione (client) registrato nel tenant del cliente. La guida spiega come registrarne uno; la configurazione della stampante funziona anche senza.</translation>
    </message>
    <message>
        <source>Microsoft does not know the configured application ID in this directory (AADSTS700016). Check the client ID and the authority.</source>
        <translation>Microsoft non conosce l&apos;ID applicazione configurato in questa directory (AADSTS700016). Controlla l&apos;ID client e l&apos;autorità.</translation>
    </message>
    <message>
        <source>The app registration does not allow public client flows (AADSTS7000218). Turn on &apos;Allow public client flows&apos; in its Authentication settings.</source>
        <translation>La registrazione dell&apos;app non consente i flussi client pubblici (AADSTS7000218). Attiva &apos;Consenti flussi client pubblici&apos; nelle sue impostazioni di autenticazione.</translation>
    </message>
    <message>
        <source>The account type does not fit the chosen service (a personal account for Exchange Online, or a work account for Outlook.com). Choose the other service or account.</source>
        <translation>Il tipo di account non è adatto al servizio scelto (un account personale per Exchange Online, o un account aziendale per Outlook.com). Scegli l&apos;altro servizio o l&apos;altro account.</translation>
    </message>
    <message>
        <source>The account must complete multi-factor authentication, or register for it, before it can sign in. Finish that in the browser, then check again.</source>
        <translation>L&apos;account deve completare l&apos;autenticazione a più fattori, o registrarsi per usarla, prima di poter accedere. Completala nel browser, poi verifica di nuovo.</translation>
    </message>
    <message>
        <source>The account is not assigned to the application (AADSTS50105). Assign it in Enterprise applications, or turn off &apos;Assignment required&apos;.</source>
        <translation>L&apos;account non è assegnato all&apos;applicazione (AADSTS50105). Assegnalo in Applicazioni aziendali, oppure disattiva &apos;Assegnazione obbligatoria&apos;.</translation>
    </message>
    <message>
        <source>SMTP AUTH is turned off for the whole organisation. Turn on &apos;Authenticated SMTP&apos; for this mailbox (preferred) or for the tenant, then check again.</source>
        <translation>SMTP AUTH è disattivato per tutta l&apos;organizzazione. Attiva &apos;Authenticated SMTP&apos; per questa casella (preferibile) o per il tenant, poi verifica di nuovo.</translation>
    </message>
    <message>
        <source>SMTP AUTH is turned off for this mailbox. Turn on &apos;Authenticated SMTP&apos; in the mailbox&apos;s email apps, then check again.</source>
        <translation>SMTP AUTH è disattivato per questa casella. Attiva &apos;Authenticated SMTP&apos; nelle app di posta elettronica della casella, poi verifica di nuovo.</translation>
    </message>
    <message>
        <source>The tenant&apos;s security defaults block SMTP AUTH. Turn security defaults off (or move to Conditional Access) in the Entra admin center, then check again.</source>
        <translation>Le impostazioni predefinite per la sicurezza del tenant bloccano SMTP AUTH. Disattivale (o passa all&apos;accesso condizionale) nell&apos;interfaccia di amministrazione di Entra, poi verifica di nuovo.</translation>
    </message>
    <message>
        <source>Microsoft refused SMTP authentication for this account because of multi-factor or Conditional Access rules. Ask the tenant administrator to exclude it.</source>
        <translation>Microsoft ha rifiutato l&apos;autenticazione SMTP per questo account a causa di regole a più fattori o di accesso condizionale. Chiedi all&apos;amministratore del tenant di escluderlo.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s mail server refused the sign-in (5.7.3). Sign in as a licensed user mailbox, not a shared one, and with the same address as the sender.</source>
        <translation>Il server di posta di Microsoft ha rifiutato l&apos;accesso (5.7.3). Accedi come casella utente con licenza, non condivisa, e con lo stesso indirizzo del mittente.</translation>
    </message>
    <message>
        <source>The signed-in account may not send as the sender address (5.7.60). Give it &apos;Send As&apos; permission on that mailbox, or use its own address as sender.</source>
        <translation>L&apos;account che ha effettuato l&apos;accesso non può inviare come indirizzo mittente (5.7.60). Dagli l&apos;autorizzazione &apos;Invia come&apos; su quella casella, oppure usa il suo indirizzo come mittente.</translation>
    </message>
    <message>
        <source>The sign-in expired because it was not used for 90 days (AADSTS700082). Sign in again.</source>
        <translation>L&apos;accesso è scaduto perché non è stato usato per 90 giorni (AADSTS700082). Accedi di nuovo.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s sign-in service could not be reached or answered with an error. Check this laptop&apos;s internet connection, then try again.</source>
        <translation>Il servizio di accesso di Microsoft non è raggiungibile o ha risposto con un errore. Controlla la connessione a Internet di questo portatile, poi riprova.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s mail server could not be reached from this laptop, or the secure connection to it failed. Check that this network lets connections out on port 587, then check again.</source>
        <translation>Il server di posta di Microsoft non è raggiungibile da questo portatile, oppure la connessione protetta non è riuscita. Controlla che questa rete consenta le connessioni in uscita sulla porta 587, poi verifica di nuovo.</translation>
    </message>
    <message>
        <source>Microsoft answered the mailbox check in a way this wizard does not recognise. Show Microsoft&apos;s answer below to the tenant administrator.</source>
        <translation>Microsoft ha risposto alla verifica della casella in un modo che questa procedura guidata non riconosce. Mostra la risposta di Microsoft qui sotto all&apos;amministratore del tenant.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({reason}). The wizard undid the printer changes it had not verified. Check the printer&apos;s status, start again, and if it happens again send the wizard&apos;s log file to support.</source>
        <translation>Si è verificato un problema imprevisto ({reason}). La procedura guidata ha annullato le modifiche alla stampante che non aveva verificato. Controlla lo stato della stampante, ricomincia e, se succede di nuovo, invia al supporto il file di log della procedura guidata.</translation>
    </message>
    <message>
        <source>The printer has no DNS server set, so it cannot find Microsoft&apos;s servers. Set one in its network settings (the office router&apos;s address usually works).</source>
        <translation>La stampante non ha un server DNS impostato, quindi non trova i server di Microsoft. Impostane uno nelle sue impostazioni di rete (di solito va bene l&apos;indirizzo del router dell&apos;ufficio).</translation>
    </message>
    <message>
        <source>The printer has no default gateway, so it cannot reach the internet. Set the gateway in its network settings.</source>
        <translation>La stampante non ha un gateway predefinito, quindi non raggiunge Internet. Imposta il gateway nelle sue impostazioni di rete.</translation>
    </message>
    <message>
        <source>The printer&apos;s connection test is not available or its result was not recognised. Send a test scan to email to be sure.</source>
        <translation>Il test di connessione della stampante non è disponibile o il suo esito non è stato riconosciuto. Per essere sicuro, invia una scansione di prova all&apos;e-mail.</translation>
    </message>
    <message>
        <source>The sender address {sender} differs from the signed-in account {account}: that account needs &apos;Send As&apos; permission on the sender&apos;s mailbox.</source>
        <translation>L&apos;indirizzo mittente {sender} è diverso dall&apos;account che ha effettuato l&apos;accesso {account}: quell&apos;account deve avere l&apos;autorizzazione &apos;Invia come&apos; sulla casella del mittente.</translation>
    </message>
    <message>
        <source>The mailbox check signed in as {checked}, but the printer signed in as {account}: the check says nothing about {account}. Check that mailbox too, or sign the printer in as {checked}.</source>
        <translation>La verifica della casella ha effettuato l&apos;accesso come {checked}, ma la stampante come {account}: la verifica non dice nulla su {account}. Verifica anche quella casella, oppure fai accedere la stampante come {checked}.</translation>
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
        <source>Sign in as the sending mailbox and test SMTP AUTH before the printer</source>
        <translation>Accedi come casella mittente e verifica SMTP AUTH prima della stampante</translation>
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
        <source>Lists the Epson printers that announce themselves on this network.</source>
        <translation>Elenca le stampanti Epson che si annunciano su questa rete.</translation>
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
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>Stop finding printers</source>
        <translation>Interrompi la ricerca delle stampanti</translation>
    </message>
    <message>
        <source>firmware %1</source>
        <translation>firmware %1</translation>
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
        <source>Sign &amp;in again</source>
        <translation>&amp;Accedi di nuovo</translation>
    </message>
    <message>
        <source>Sign the printer in again: putting the settings back undid its sign-in</source>
        <translation>Esegui di nuovo l&apos;accesso della stampante: il ripristino delle impostazioni ha annullato il suo accesso</translation>
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
        <source>Fax server</source>
        <translation>Server fax</translation>
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
