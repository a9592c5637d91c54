<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>HelpWindow</name>
    <message>
        <source>Help</source>
        <translation>Guida</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cerca</translation>
    </message>
    <message>
        <source>Words or an error code, e.g. 5.7.139</source>
        <translation>Parole o un codice di errore, es. 5.7.139</translation>
    </message>
    <message>
        <source>Search the help</source>
        <translation>Cerca nella guida</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Risultati della ricerca</translation>
    </message>
    <message>
        <source>C&amp;ontents</source>
        <translation>S&amp;ommario</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommario</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Previous page (Alt+Left)</source>
        <translation>Pagina precedente (Alt+Sinistra)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Avanti</translation>
    </message>
    <message>
        <source>Next page (Alt+Right)</source>
        <translation>Pagina successiva (Alt+Destra)</translation>
    </message>
    <message>
        <source>Help contents page</source>
        <translation>Pagina del sommario della guida</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Pagina della guida</translation>
    </message>
    <message>
        <source>Topics found: %1</source>
        <translation>Argomenti trovati: %1</translation>
    </message>
    <message>
        <source>No topic contains these words</source>
        <translation>Nessun argomento contiene queste parole</translation>
    </message>
    <message>
        <source>Help – %1</source>
        <translation>Guida – %1</translation>
    </message>
</context>
</TS>
