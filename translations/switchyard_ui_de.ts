<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CodeSnippets</name>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="42"/>
        <location filename="../ui/gateway/codesnippets.cpp" line="72"/>
        <location filename="../ui/gateway/codesnippets.cpp" line="100"/>
        <source>Set %1 to a key from &quot;Create key…&quot;.</source>
        <translation>Setzen Sie %1 auf einen Schlüssel aus &quot;Schlüssel erstellen…&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="43"/>
        <location filename="../ui/gateway/codesnippets.cpp" line="73"/>
        <location filename="../ui/gateway/codesnippets.cpp" line="101"/>
        <source>No keys are configured yet: any non-empty key works until you create one.</source>
        <translation>Noch keine Schlüssel konfiguriert: Bis Sie einen erstellen, funktioniert jeder nicht leere Schlüssel.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="45"/>
        <source>pin the request to a local node</source>
        <translation>Anfrage an einen lokalen Knoten binden</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="46"/>
        <source>pin the request to this node</source>
        <translation>Anfrage an diesen Knoten binden</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="62"/>
        <source>spend per task</source>
        <translation>Ausgaben pro Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="75"/>
        <source>pin this request to a local node</source>
        <translation>diese Anfrage an einen lokalen Knoten binden</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="76"/>
        <source>pin this request to this node</source>
        <translation>diese Anfrage an diesen Knoten binden</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="90"/>
        <source>sent with every request: spend per task</source>
        <translation>wird mit jeder Anfrage gesendet: Ausgaben pro Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="104"/>
        <source>To pin the request to a local node, add</source>
        <translation>Um die Anfrage an einen lokalen Knoten zu binden, hinzufügen</translation>
    </message>
</context>
<context>
    <name>GatewayKeyEdits</name>
    <message>
        <location filename="../ui/gateway/gatewaykeyedits.cpp" line="24"/>
        <source>Give the key a name, e.g. the program or machine that uses it.</source>
        <translation>Geben Sie dem Schlüssel einen Namen, z. B. das Programm oder den Rechner, der ihn verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaykeyedits.cpp" line="28"/>
        <source>A key named &apos;%1&apos; exists already; pick another name.</source>
        <translation>Ein Schlüssel namens &apos;%1&apos; existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>ProviderDraft</name>
    <message>
        <location filename="../ui/providers/providerdraft.cpp" line="60"/>
        <location filename="../ui/providers/providerdraft.cpp" line="62"/>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
</context>
<context>
    <name>Switchyard::AppController</name>
    <message>
        <location filename="../ui/mainwindow/appcontroller.cpp" line="65"/>
        <source>Switchyard gateway</source>
        <translation>Switchyard-Gateway</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/appcontroller.cpp" line="67"/>
        <source>Show Switchyard</source>
        <translation>Switchyard anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/appcontroller.cpp" line="69"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/appcontroller.cpp" line="79"/>
        <source>Keep the gateway running in the tray when the window closes</source>
        <translation>Gateway im Infobereich weiterlaufen lassen, wenn das Fenster geschlossen wird</translation>
    </message>
</context>
<context>
    <name>Switchyard::CheapWorkPanel</name>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="30"/>
        <source>&lt;b&gt;Expensive model doing cheap work&lt;/b&gt;</source>
        <translation>&lt;b&gt;Teures Modell für einfache Arbeit&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="44"/>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="45"/>
        <source>Calls of a task that average fewer output tokens than this count as short work (classification, extraction).</source>
        <translation>Aufrufe einer Aufgabe, die im Mittel weniger Ausgabe-Tokens erzeugen, gelten als einfache Arbeit (Klassifizieren, Extrahieren).</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="51"/>
        <source> / M output</source>
        <translation> / Mio. Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="52"/>
        <source>A model is premium from this price per million output tokens on; the priciest model in use always counts as premium.</source>
        <translation>Ab diesem Preis pro Million Ausgabe-Tokens gilt ein Modell als Premium; das teuerste genutzte Modell gilt immer als Premium.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="54"/>
        <source>Short calls under:</source>
        <translation>Kurze Aufrufe unter:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="55"/>
        <source>Premium from:</source>
        <translation>Premium ab:</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="90"/>
        <source>Looking for premium models serving short calls…</source>
        <translation>Suche nach Premium-Modellen, die kurze Aufrufe bedienen…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="104"/>
        <source>No premium model (≥ %1 per million output tokens, or the priciest in use) serves calls averaging under %2 output tokens in this range.</source>
        <translation>Kein Premium-Modell (≥ %1 pro Million Ausgabetokens oder das teuerste verwendete) bedient in diesem Zeitraum Aufrufe mit durchschnittlich weniger als %2 Ausgabetokens.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="108"/>
        <source>Tasks whose calls average under %1 output tokens, served by a premium model. Prices: what the same calls cost on the cheapest model you already use for short work.</source>
        <translation>Aufgaben, deren Aufrufe im Schnitt unter %1 Ausgabetokens liegen und von einem Premium-Modell bedient werden. Preise: was dieselben Aufrufe auf dem günstigsten Modell kosten, das Sie bereits für kurze Aufgaben nutzen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="113"/>
        <source>&lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2/%3&lt;/b&gt;&lt;br&gt;%4 calls, %5 output tokens on average, cost &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf &lt;b&gt;%2/%3&lt;/b&gt;&lt;br&gt;%4 Aufrufe, im Schnitt %5 Ausgabetokens, Kosten &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="118"/>
        <source>&lt;br&gt;On %1/%2: &lt;b&gt;%3&lt;/b&gt; — &lt;span style=&apos;color:#1a7f37&apos;&gt;%4 less&lt;/span&gt;</source>
        <translation>&lt;br&gt;Auf %1/%2: &lt;b&gt;%3&lt;/b&gt; — &lt;span style=&apos;color:#1a7f37&apos;&gt;%4 weniger&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="122"/>
        <source>&lt;br&gt;No cheaper priced model is in use for short calls yet.</source>
        <translation>&lt;br&gt;Für kurze Aufrufe wird noch kein günstigeres Modell mit Preis verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="124"/>
        <source>Show requests</source>
        <translation>Anfragen anzeigen</translation>
    </message>
</context>
<context>
    <name>Switchyard::CreateKeyDialog</name>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="30"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="31"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="34"/>
        <source>Create a gateway key</source>
        <translation>Gateway-Schlüssel erstellen</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="44"/>
        <source>Programs send this key as &quot;Authorization: Bearer sy-…&quot;. Only its SHA-256 is saved, so the key is shown once, right after you create it. Once a key exists, the gateway refuses requests without a valid key.</source>
        <translation>Programme senden diesen Schlüssel als &quot;Authorization: Bearer sy-…&quot;. Gespeichert wird nur sein SHA-256-Hash, daher wird der Schlüssel nur einmal angezeigt, direkt nach dem Erstellen. Sobald ein Schlüssel existiert, lehnt das Gateway Anfragen ohne gültigen Schlüssel ab.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="56"/>
        <source>Copy the key now and store it in your program&apos;s environment (e.g. SWITCHYARD_API_KEY). It cannot be shown again; if you lose it, revoke it and create a new one.</source>
        <translation>Kopieren Sie den Schlüssel jetzt und hinterlegen Sie ihn in der Umgebung Ihres Programms (z. B. SWITCHYARD_API_KEY). Er kann nicht erneut angezeigt werden; wenn Sie ihn verlieren, widerrufen Sie ihn und erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="63"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="68"/>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="85"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="107"/>
        <source>The key was not saved: %1</source>
        <translation>Der Schlüssel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::FilterButton</name>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="66"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="72"/>
        <source>(nothing recorded in this range)</source>
        <translation>(in diesem Zeitraum nichts aufgezeichnet)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="92"/>
        <source>%1: all</source>
        <translation>%1: alle</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="94"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/filterbutton.cpp" line="96"/>
        <source>%1: %n selected</source>
        <translation>
            <numerusform>%1: %n ausgewählt</numerusform>
            <numerusform>%1: %n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="97"/>
        <source>No filter: everything is shown</source>
        <translation>Kein Filter: alles wird angezeigt</translation>
    </message>
</context>
<context>
    <name>Switchyard::GatewayKeyTableModel</name>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="44"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="57"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="58"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="59"/>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
</context>
<context>
    <name>Switchyard::GatewayStatusWidget</name>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="45"/>
        <source>Cost of today&apos;s requests (UTC day) at the prices in force when they were served. Unpriced requests have no known price and are not in the total.</source>
        <translation>Kosten der heutigen Anfragen (UTC-Tag) zu den Preisen, die bei ihrer Bearbeitung galten. Anfragen ohne Preis haben keinen bekannten Preis und sind nicht in der Summe enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="47"/>
        <source>Requests the gateway answered in the last 60 seconds</source>
        <translation>Anfragen, die das Gateway in den letzten 60 Sekunden beantwortet hat</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="79"/>
        <source>Spend today: …</source>
        <translation>Ausgaben heute: …</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="92"/>
        <source>Serving on %1</source>
        <translation>Aktiv auf %1</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="93"/>
        <source>Base URL: %1</source>
        <translation>Basis-URL: %1</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="96"/>
        <source>Gateway stopped</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="97"/>
        <source>Start it on the Overview page.</source>
        <translation>Starten Sie es auf der Seite „Übersicht“.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="100"/>
        <source>Gateway error</source>
        <translation>Gateway-Fehler</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="108"/>
        <source>%1 req/min</source>
        <translation>%1 Anfr./min</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="144"/>
        <source>Spend today: unavailable</source>
        <translation>Ausgaben heute: nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="154"/>
        <source>Spend today: $%1</source>
        <translation>Ausgaben heute: $%1</translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="156"/>
        <source>+ %1 unpriced</source>
        <translation>+ %1 ohne Preis</translation>
    </message>
</context>
<context>
    <name>Switchyard::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="27"/>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="43"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="44"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>Switchyard::NodeForm</name>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="30"/>
        <source>Add node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="41"/>
        <source>llama-3.1-8b-instruct, qwen2.5-coder-14b (comma-separated)</source>
        <translation>llama-3.1-8b-instruct, qwen2.5-coder-14b (durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="48"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="49"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="50"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="51"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="84"/>
        <source>give the node a name</source>
        <translation>der Knoten braucht einen Namen</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="92"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="100"/>
        <source>cannot save %1</source>
        <translation>%1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="116"/>
        <source>Node %1 added. Requests for its models now go to %2.</source>
        <translation>Knoten %1 hinzugefügt. Anfragen für seine Modelle gehen jetzt an %2.</translation>
    </message>
</context>
<context>
    <name>Switchyard::OverviewPage</name>
    <message>
        <location filename="../ui/gateway/overviewpage.h" line="27"/>
        <location filename="../ui/gateway/overviewpage.cpp" line="56"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="45"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="61"/>
        <source>Programs on this computer call Switchyard like the OpenAI API: point their SDK at the base URL below and choose the model by name. Routing, fallbacks and spend are handled here.</source>
        <translation>Programme auf diesem Computer rufen Switchyard wie die OpenAI-API auf: Richten Sie ihr SDK auf die unten stehende Basis-URL aus und wählen Sie das Modell über seinen Namen. Routing, Fallbacks und Ausgaben werden hier verwaltet.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="99"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="104"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="106"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="112"/>
        <source>HOST:PORT. Addresses other than loopback (127.0.0.1, ::1) require at least one key.</source>
        <translation>HOST:PORT. Andere Adressen als Loopback (127.0.0.1, ::1) erfordern mindestens einen Schlüssel.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="113"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="121"/>
        <source>Copy base URL</source>
        <translation>Basis-URL kopieren</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="126"/>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="132"/>
        <source>&amp;Listen address:</source>
        <translation>&amp;Lauschadresse:</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="138"/>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="154"/>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="159"/>
        <source>Create key…</source>
        <translation>Schlüssel erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="161"/>
        <source>Stored keys cannot be shown again: create a new one to copy it.</source>
        <translation>Gespeicherte Schlüssel können nicht erneut angezeigt werden: Erstellen Sie einen neuen, um ihn zu kopieren.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="174"/>
        <source>Connect your code</source>
        <translation>Eigenen Code anbinden</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="175"/>
        <source>Ready to paste: the key is read from SWITCHYARD_API_KEY. The X-Switchyard-Task header tags requests for spend per task; X-Switchyard-Node pins a request to a local node.</source>
        <translation>Bereit zum Einfügen: Der Schlüssel wird aus SWITCHYARD_API_KEY gelesen. Der Header X-Switchyard-Task kennzeichnet Anfragen für die Ausgaben pro Aufgabe; X-Switchyard-Node bindet eine Anfrage an einen lokalen Knoten.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="181"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="182"/>
        <source>JavaScript</source>
        <translation>JavaScript</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="183"/>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="198"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="217"/>
        <source>&lt;span style=&quot;color:#1e8e3e&quot;&gt;●&lt;/span&gt; &lt;b&gt;Serving&lt;/b&gt; on %1</source>
        <translation>&lt;span style=&quot;color:#1e8e3e&quot;&gt;●&lt;/span&gt; &lt;b&gt;Aktiv&lt;/b&gt; auf %1</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="220"/>
        <source>&lt;span style=&quot;color:#80868b&quot;&gt;●&lt;/span&gt; &lt;b&gt;Stopped&lt;/b&gt;: programs cannot reach the gateway until you start it</source>
        <translation>&lt;span style=&quot;color:#80868b&quot;&gt;●&lt;/span&gt; &lt;b&gt;Gestoppt&lt;/b&gt;: Programme können das Gateway erst erreichen, wenn Sie es starten</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="224"/>
        <source>&lt;span style=&quot;color:#d93025&quot;&gt;●&lt;/span&gt; &lt;b&gt;Error&lt;/b&gt;: %1</source>
        <translation>&lt;span style=&quot;color:#d93025&quot;&gt;●&lt;/span&gt; &lt;b&gt;Fehler&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="242"/>
        <source>No keys, and the gateway listens on %1, which is not loopback: it refuses every request until you create a key.</source>
        <translation>Keine Schlüssel, und das Gateway lauscht auf %1, also nicht auf Loopback: Es weist jede Anfrage ab, bis Sie einen Schlüssel erstellen.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="246"/>
        <source>No keys yet. On loopback the gateway accepts any key (the SDKs need a non-empty one), so local programs work at once. Create a key to require it from every program.</source>
        <translation>Noch keine Schlüssel. Auf Loopback akzeptiert das Gateway jeden Schlüssel (die SDKs brauchen einen nicht leeren), sodass lokale Programme sofort funktionieren. Erstellen Sie einen Schlüssel, um ihn von jedem Programm zu verlangen.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="254"/>
        <source>One key configured: %1.</source>
        <translation>Ein Schlüssel konfiguriert: %1.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="255"/>
        <source>%1 keys configured: %2.</source>
        <translation>%1 Schlüssel konfiguriert: %2.</translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="257"/>
        <source>Every request needs one of them.

Keys are stored hashed and cannot be shown again; to copy a key, create a new one (and revoke old ones on the Providers &amp; keys page).</source>
        <translation>Jede Anfrage braucht einen davon.

Schlüssel werden gehasht gespeichert und können nicht erneut angezeigt werden; um einen Schlüssel zu kopieren, erstellen Sie einen neuen (und widerrufen Sie alte auf der Seite „Provider &amp; Schlüssel“).</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProviderEditor</name>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="56"/>
        <source>Add a provider</source>
        <translation>Provider hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="56"/>
        <source>Edit provider %1</source>
        <translation>Provider %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="59"/>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="60"/>
        <source>e.g. openai; used in model names: id/model</source>
        <translation>z. B. openai; wird in Modellnamen verwendet: id/model</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="64"/>
        <source>OpenAI-compatible API</source>
        <translation>OpenAI-kompatible API</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="65"/>
        <source>Anthropic Messages API</source>
        <translation>Anthropic Messages API</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="66"/>
        <source>Simulated (built in, for demos and fault drills)</source>
        <translation>Simuliert (integriert, für Demos und Fehlerübungen)</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="68"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="73"/>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="79"/>
        <source>Store in the OS keychain</source>
        <translation>Im Schlüsselbund des Betriebssystems speichern</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="80"/>
        <source>Read from an environment variable</source>
        <translation>Aus einer Umgebungsvariable lesen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="81"/>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="82"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="86"/>
        <source>paste the provider&apos;s API key</source>
        <translation>API-Schlüssel des Providers einfügen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="89"/>
        <source>variable name, e.g. OPENAI_API_KEY</source>
        <translation>Variablenname, z. B. OPENAI_API_KEY</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="93"/>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="110"/>
        <source>&amp;Catalog id:</source>
        <translation>&amp;Katalog-ID:</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="111"/>
        <source>price catalog provider; empty: same as the id</source>
        <translation>Provider im Preiskatalog; leer: wie die ID</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="112"/>
        <source>&amp;Models:</source>
        <translation>&amp;Modelle:</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="113"/>
        <source>comma-separated, e.g. gpt-4o, gpt-4o-mini; empty: any model the catalog knows</source>
        <translation>durch Kommas getrennt, z. B. gpt-4o, gpt-4o-mini; leer: jedes Modell, das der Katalog kennt</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="152"/>
        <source>stored in the keychain; type a new key to replace it</source>
        <translation>im Schlüsselbund gespeichert; neuen Schlüssel eingeben, um ihn zu ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="239"/>
        <source>not used: simulated providers answer inside Switchyard</source>
        <translation>nicht verwendet: Simulierte Provider antworten innerhalb von Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="295"/>
        <source>A key is stored in the keychain; leave the field empty to keep it.</source>
        <translation>Im Schlüsselbund ist ein Schlüssel gespeichert; lassen Sie das Feld leer, um ihn zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="296"/>
        <source>The key is saved in your OS keychain (service &quot;%1&quot;), never in the configuration file.</source>
        <translation>Der Schlüssel wird im Schlüsselbund Ihres Betriebssystems gespeichert (Dienst &quot;%1&quot;), niemals in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="302"/>
        <source>No keychain service is running, so the key cannot be stored securely here. Set an environment variable before starting Switchyard and choose &quot;Read from an environment variable&quot; (a keychain: reference falls back to %1).</source>
        <translation>Es läuft kein Schlüsselbund-Dienst, daher kann der Schlüssel hier nicht sicher gespeichert werden. Setzen Sie vor dem Start von Switchyard eine Umgebungsvariable und wählen Sie „Aus einer Umgebungsvariable lesen“ (eine keychain:-Referenz greift ersatzweise auf %1 zurück).</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="325"/>
        <source>Saving the key in the keychain…</source>
        <translation>Schlüssel wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="366"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProviderTableModel</name>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="31"/>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="32"/>
        <source>key set</source>
        <translation>Schlüssel gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="33"/>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="34"/>
        <source>keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="35"/>
        <source>not needed</source>
        <translation>nicht benötigt</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="61"/>
        <source>(built in)</source>
        <translation>(integriert)</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="62"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="88"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="89"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="90"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="91"/>
        <source>Key reference</source>
        <translation>Schlüsselreferenz</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="92"/>
        <source>Key status</source>
        <translation>Schlüsselstatus</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProviderTester</name>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="88"/>
        <source>The key cannot be read: %1</source>
        <translation>Der Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="121"/>
        <source>Simulated providers are tested through the gateway: start it on the Overview page first.</source>
        <translation>Simulierte Provider werden über das Gateway getestet: Starten Sie es zuerst auf der Seite „Übersicht“.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="126"/>
        <source>Simulated providers are tested through the gateway, which requires a key now; call it with one of your keys instead (see the Overview page).</source>
        <translation>Simulierte Provider werden über das Gateway getestet, das jetzt einen Schlüssel verlangt; rufen Sie es stattdessen mit einem Ihrer Schlüssel auf (siehe Seite „Übersicht“).</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="131"/>
        <source>Save the provider first: the gateway only knows saved providers.</source>
        <translation>Speichern Sie den Provider zuerst: Das Gateway kennt nur gespeicherte Provider.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="153"/>
        <source>OK: HTTP %1 in %2 ms</source>
        <translation>OK: HTTP %1 in %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="157"/>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="161"/>
        <source>No answer within %1 seconds</source>
        <translation>Keine Antwort innerhalb von %1 Sekunden</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProvidersPage</name>
    <message>
        <location filename="../ui/providers/providerspage.h" line="29"/>
        <location filename="../ui/providers/providerspage.cpp" line="99"/>
        <source>Providers &amp; keys</source>
        <translation>Provider &amp; Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="104"/>
        <source>Cloud providers the gateway forwards requests to, and the local keys programs use to call the gateway. API keys live in your OS keychain or in environment variables; the configuration file only names where to find them.</source>
        <translation>Cloud-Provider, an die das Gateway Anfragen weiterleitet, und die lokalen Schlüssel, mit denen Programme das Gateway aufrufen. API-Schlüssel liegen im Schlüsselbund Ihres Betriebssystems oder in Umgebungsvariablen; die Konfigurationsdatei gibt nur an, wo sie zu finden sind.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="132"/>
        <source>Providers</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="140"/>
        <source>No providers yet. Add one with your API key (OpenAI, Anthropic or any OpenAI-compatible service), or a simulated provider to try routing without spending anything.</source>
        <translation>Noch keine Provider. Fügen Sie einen mit Ihrem API-Schlüssel hinzu (OpenAI, Anthropic oder ein beliebiger OpenAI-kompatibler Dienst) oder einen simulierten Provider, um das Routing auszuprobieren, ohne Geld auszugeben.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="148"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="150"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="152"/>
        <location filename="../ui/providers/providerspage.cpp" line="334"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="154"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="156"/>
        <source>Sends one tiny request (max_tokens 1) with the configured key</source>
        <translation>Sendet eine winzige Anfrage (max_tokens 1) mit dem konfigurierten Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="182"/>
        <source>Local gateway keys</source>
        <translation>Lokale Gateway-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="187"/>
        <source>No keys yet: on loopback the gateway accepts every local program. Create a key to require it from every program (and to listen on other addresses).</source>
        <translation>Noch keine Schlüssel: Auf Loopback akzeptiert das Gateway jedes lokale Programm. Erstellen Sie einen Schlüssel, um ihn von jedem Programm zu verlangen (und um auf anderen Adressen lauschen zu können).</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="193"/>
        <source>Create key…</source>
        <translation>Schlüssel erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="195"/>
        <location filename="../ui/providers/providerspage.cpp" line="385"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="227"/>
        <source>No key reference is configured.</source>
        <translation>Es ist keine Schlüsselreferenz konfiguriert.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="267"/>
        <source>Read from %1</source>
        <translation>Gelesen aus %1</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="305"/>
        <source>Provider %1 added and saved.</source>
        <translation>Provider %1 wurde hinzugefügt und gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="320"/>
        <source>Provider %1 saved.</source>
        <translation>Provider %1 wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="332"/>
        <source>Remove provider</source>
        <translation>Provider entfernen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="333"/>
        <source>Remove the provider %1 from the configuration? Routes that use it must be changed first.</source>
        <translation>Provider %1 aus der Konfiguration entfernen? Routen, die ihn verwenden, müssen zuerst geändert werden.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="341"/>
        <source>%1 was not removed:
%2</source>
        <translation>%1 wurde nicht entfernt:
%2</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="344"/>
        <source>Provider %1 removed.</source>
        <translation>Provider %1 wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="357"/>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="366"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="366"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="374"/>
        <source>Key %1 created.</source>
        <translation>Schlüssel %1 wurde erstellt.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="384"/>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="385"/>
        <source>Revoke the key %1? Programs using it get 401 errors from now on.</source>
        <translation>Schlüssel %1 widerrufen? Programme, die ihn verwenden, erhalten ab sofort 401-Fehler.</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="390"/>
        <source>%1 was not revoked:
%2</source>
        <translation>%1 wurde nicht widerrufen:
%2</translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="393"/>
        <source>Key %1 revoked.</source>
        <translation>Schlüssel %1 wurde widerrufen.</translation>
    </message>
</context>
<context>
    <name>Switchyard::RequestDetailView</name>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="34"/>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="36"/>
        <source>escalated</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="38"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="40"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="42"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Rung</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Served by</source>
        <translation>Beantwortet von</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Why it escalated</source>
        <translation>Grund der Eskalation</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Tokens in / out</source>
        <translation>Tokens ein / aus</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="84"/>
        <source>Loading the request…</source>
        <translation>Anfrage wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="84"/>
        <source>No request selected</source>
        <translation>Keine Anfrage ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="85"/>
        <source>Select a request above to see each ladder rung it tried.</source>
        <translation>Wählen Sie oben eine Anfrage aus, um jede Stufe der Leiter zu sehen, die sie versucht hat.</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="93"/>
        <source>Request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="93"/>
        <source>(no id)</source>
        <translation>(keine ID)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="97"/>
        <source>asked for %1</source>
        <translation>angefragt: %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="97"/>
        <source>(no model)</source>
        <translation>(kein Modell)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="99"/>
        <source>route %1</source>
        <translation>Route %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="101"/>
        <source>task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="103"/>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="105"/>
        <source>1 attempt</source>
        <translation>1 Versuch</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="105"/>
        <source>%1 attempts</source>
        <translation>%1 Versuche</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="106"/>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 Eingabe- / %2 Ausgabetokens</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="108"/>
        <source>latency %1</source>
        <translation>Latenz %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="110"/>
        <source>first token %1</source>
        <translation>erstes Token %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="112"/>
        <source>streamed</source>
        <translation>gestreamt</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="114"/>
        <source>cache hit</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="117"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="132"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="142"/>
        <source>No attempt was recorded for this request.</source>
        <translation>Für diese Anfrage wurde kein Versuch aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="155"/>
        <source>rate limited (429)</source>
        <translation>Ratenlimit erreicht (429)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="157"/>
        <source>server error (5xx)</source>
        <translation>Serverfehler (5xx)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="159"/>
        <source>timed out (timeout)</source>
        <translation>Zeitüberschreitung (timeout)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="161"/>
        <source>could not connect (connect)</source>
        <translation>keine Verbindung möglich (connect)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="163"/>
        <source>no first token in time (first-token)</source>
        <translation>erstes Token nicht rechtzeitig (first-token)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="165"/>
        <source>answer cut at max tokens (length)</source>
        <translation>Antwort bei max. Tokens abgeschnitten (length)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="167"/>
        <source>answer was not valid JSON (invalid-json)</source>
        <translation>Antwort war kein gültiges JSON (invalid-json)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="169"/>
        <source>empty answer (empty)</source>
        <translation>leere Antwort (empty)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="171"/>
        <source>provider paused by the circuit breaker (circuit-open)</source>
        <translation>Provider vom Circuit Breaker pausiert (circuit-open)</translation>
    </message>
</context>
<context>
    <name>Switchyard::RequestFilterBar</name>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="47"/>
        <source>Search request id, model or error text</source>
        <translation>Anfrage-ID, Modell oder Fehlertext suchen</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="52"/>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="53"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="54"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="55"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="56"/>
        <source>Custom range</source>
        <translation>Benutzerdefinierter Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="65"/>
        <source>First day (UTC)</source>
        <translation>Erster Tag (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="66"/>
        <source>Last day (UTC)</source>
        <translation>Letzter Tag (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="69"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="70"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="71"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="72"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="73"/>
        <source>Error or cancelled</source>
        <translation>Fehler oder abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="85"/>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="96"/>
        <source>&amp;Time:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="101"/>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="104"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="107"/>
        <source>Tas&amp;k:</source>
        <translation>Auf&amp;gabe:</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="110"/>
        <source>Served &amp;by:</source>
        <translation>Beantwortet &amp;von:</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="200"/>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="201"/>
        <source>All tasks</source>
        <translation>Alle Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="202"/>
        <source>All providers and nodes</source>
        <translation>Alle Provider und Knoten</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="206"/>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="263"/>
        <source>%1 (node)</source>
        <translation>%1 (Knoten)</translation>
    </message>
</context>
<context>
    <name>Switchyard::RequestLogPage</name>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="60"/>
        <source>Demo data: these requests are made up</source>
        <translation>Demodaten: Diese Anfragen sind erfunden</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="107"/>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="161"/>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="132"/>
        <source>Query failed: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="242"/>
        <source>The usage database is not open, so there are no requests to list.</source>
        <translation>Die Nutzungsdatenbank ist nicht geöffnet, daher gibt es keine Anfragen zum Auflisten.</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="244"/>
        <source>No requests yet. Every call your programs send to the local gateway is listed here as soon as it finishes, with each ladder rung it tried.</source>
        <translation>Noch keine Anfragen. Jeder Aufruf, den Ihre Programme an das lokale Gateway senden, erscheint hier, sobald er abgeschlossen ist – mit jeder Stufe der Leiter, die er versucht hat.</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="247"/>
        <source>No request matches these filters. Clear them to see every request.</source>
        <translation>Keine Anfrage entspricht diesen Filtern. Setzen Sie die Filter zurück, um alle Anfragen zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="251"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="253"/>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="253"/>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
</context>
<context>
    <name>Switchyard::SpendChartView</name>
    <message>
        <location filename="../ui/dashboard/spendchartview.cpp" line="60"/>
        <source>USD per week</source>
        <translation>USD pro Woche</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spendchartview.cpp" line="190"/>
        <source>%1, week of %2: %3
Click to see the requests.</source>
        <translation>%1, Woche ab %2: %3
Klicken, um die Anfragen anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>Switchyard::SpendDashboard</name>
    <message>
        <location filename="../ui/dashboard/spenddashboard.h" line="51"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="119"/>
        <source>&lt;b&gt;DEMO DATA&lt;/b&gt; — synthetic traffic for exploring the dashboard, kept in its own database; none of it is your usage.</source>
        <translation>&lt;b&gt;DEMODATEN&lt;/b&gt; — synthetischer Traffic zum Erkunden des Dashboards, in einer eigenen Datenbank; nichts davon ist Ihre Nutzung.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="124"/>
        <source>Back to my usage</source>
        <translation>Zurück zu meiner Nutzung</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="162"/>
        <source>No requests in this range. Widen the range or clear the filters.</source>
        <translation>Keine Anfragen in diesem Zeitraum. Erweitern Sie den Zeitraum oder setzen Sie die Filter zurück.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="192"/>
        <source>Double-click a row to see its requests.</source>
        <translation>Doppelklicken Sie auf eine Zeile, um ihre Anfragen zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="212"/>
        <source>&lt;h2&gt;No requests recorded yet&lt;/h2&gt;&lt;p&gt;Spend appears here as soon as programs call the gateway. The First run page shows the address to use, or lets you explore this dashboard with demo data.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine Anfragen aufgezeichnet&lt;/h2&gt;&lt;p&gt;Ausgaben erscheinen hier, sobald Programme das Gateway aufrufen. Die Seite „Erster Start“ zeigt die zu verwendende Adresse oder lässt Sie dieses Dashboard mit Demodaten erkunden.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="219"/>
        <source>Open First run</source>
        <translation>„Erster Start“ öffnen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="225"/>
        <source>Explore with demo data</source>
        <translation>Mit Demodaten erkunden</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="238"/>
        <source>The demo database could not be made: %1</source>
        <translation>Die Demodatenbank konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="271"/>
        <source>Break down by </source>
        <translation>Aufschlüsseln nach </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="273"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="274"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="275"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="276"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="282"/>
        <source>Range </source>
        <translation>Zeitraum </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="284"/>
        <source>4 weeks</source>
        <translation>4 Wochen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="285"/>
        <source>12 weeks</source>
        <translation>12 Wochen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="286"/>
        <source>52 weeks</source>
        <translation>52 Wochen</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="287"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="316"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="317"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="318"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="319"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="320"/>
        <source>Providers</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="330"/>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="333"/>
        <source>Draws what the same traffic would have cost on one flagship model</source>
        <translation>Zeigt, was derselbe Traffic auf einem einzigen Flaggschiffmodell gekostet hätte</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="334"/>
        <source>(no comparison)</source>
        <translation>(kein Vergleich)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="346"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="349"/>
        <source>Table as CSV (weekly sums)…</source>
        <translation>Tabelle als CSV (Wochensummen)…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="350"/>
        <source>Requests as CSV (every row behind the numbers)…</source>
        <translation>Anfragen als CSV (jede Zeile hinter den Zahlen)…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="351"/>
        <source>Export requests</source>
        <translation>Anfragen exportieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="351"/>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="764"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="355"/>
        <source>Chart as PNG…</source>
        <translation>Diagramm als PNG…</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="584"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="584"/>
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="585"/>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="585"/>
        <source>provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="586"/>
        <source>route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="587"/>
        <source>Weekly spend by %1</source>
        <translation>Wöchentliche Ausgaben nach %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="589"/>
        <source>Spend in range&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%1&lt;/span&gt;</source>
        <translation>Ausgaben im Zeitraum&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="591"/>
        <source>Requests&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%1&lt;/span&gt; &amp;nbsp;%2</source>
        <translation>Anfragen&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%1&lt;/span&gt; &amp;nbsp;%2</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="593"/>
        <source>(%1 errors)</source>
        <translation>(%1 Fehler)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="597"/>
        <source>Week over week&lt;br&gt;&lt;span style=&apos;font-size:16pt&apos;&gt;—&lt;/span&gt;</source>
        <translation>Veränderung zur Vorwoche&lt;br&gt;&lt;span style=&apos;font-size:16pt&apos;&gt;—&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="599"/>
        <source>no spend the week before</source>
        <translation>keine Ausgaben in der Vorwoche</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="605"/>
        <source>on the week before</source>
        <translation>gegenüber der Vorwoche</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="607"/>
        <source>Last full week (from %1)</source>
        <translation>Letzte volle Woche (ab %1)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="607"/>
        <source>This week so far (from %1)</source>
        <translation>Diese Woche bisher (ab %1)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="619"/>
        <source>⚠ &lt;b&gt;1 request (%1) has no known price&lt;/b&gt;; its cost is not in these numbers.</source>
        <translation>⚠ &lt;b&gt;Für 1 Anfrage (%1) ist kein Preis bekannt&lt;/b&gt;; ihre Kosten sind in diesen Zahlen nicht enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="621"/>
        <source>⚠ &lt;b&gt;%1 requests (%2) have no known price&lt;/b&gt;; their cost is not in these numbers.</source>
        <translation>⚠ &lt;b&gt;Für %1 Anfragen (%2) ist kein Preis bekannt&lt;/b&gt;; ihre Kosten sind in diesen Zahlen nicht enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="623"/>
        <source>Add a price for their models in the configuration (&quot;prices&quot;) to include them.</source>
        <translation>Fügen Sie in der Konfiguration (&quot;prices&quot;) einen Preis für ihre Modelle hinzu, um sie einzubeziehen.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="639"/>
        <source>All on %1</source>
        <translation>Alles auf %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="642"/>
        <source>Flagship comparison&lt;br&gt;Pick a model under “Compare with”.</source>
        <translation>Flaggschiff-Vergleich&lt;br&gt;Wählen Sie unter „Vergleichen mit“ ein Modell.</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="646"/>
        <source>All on %1&lt;br&gt;no price known for this model</source>
        <translation>Alles auf %1&lt;br&gt;kein Preis für dieses Modell bekannt</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="655"/>
        <source>routing saved &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Routing hat &lt;b&gt;%1&lt;/b&gt; gespart (%2)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="659"/>
        <source>&lt;b&gt;%1&lt;/b&gt; more than all on this model</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; mehr als alles auf diesem Modell</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="660"/>
        <source>All traffic on %1&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%2&lt;/span&gt; &amp;nbsp;%3</source>
        <translation>Gesamter Traffic auf %1&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%2&lt;/span&gt; &amp;nbsp;%3</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="683"/>
        <source>The usage database did not answer: %1</source>
        <translation>Die Nutzungsdatenbank hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="764"/>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="775"/>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="775"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="777"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Switchyard::UsageDataSource</name>
    <message>
        <location filename="../ui/dashboard/usagedatasource.cpp" line="29"/>
        <source>the demo database could not be written in time</source>
        <translation>die Demodatenbank konnte nicht rechtzeitig geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Switchyard::WelcomePage</name>
    <message>
        <location filename="../ui/welcome/welcomepage.h" line="27"/>
        <source>First run</source>
        <translation>Erster Start</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="49"/>
        <source>Explore with demo data</source>
        <translation>Mit Demodaten erkunden</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="59"/>
        <source>&lt;h1&gt;Welcome to Switchyard&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Willkommen bei Switchyard&lt;/h1&gt;</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="61"/>
        <source>Switchyard runs an OpenAI-compatible gateway on this computer. Point any OpenAI SDK at the address below and only the &lt;code&gt;model&lt;/code&gt; parameter decides which provider or local node answers. Every call is recorded for the spend dashboard.</source>
        <translation>Switchyard betreibt auf diesem Computer ein OpenAI-kompatibles Gateway. Richten Sie ein beliebiges OpenAI-SDK auf die unten stehende Adresse aus – allein der Parameter &lt;code&gt;model&lt;/code&gt; entscheidet, welcher Provider oder lokale Knoten antwortet. Jeder Aufruf wird für das Ausgaben-Dashboard aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="69"/>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="75"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="86"/>
        <source>Switchyard detects nothing silently: it does not scan your network for inference servers. A cloud provider of the default configuration becomes active once its key is set (an environment variable such as OPENAI_API_KEY, or a key added below); until then the model &quot;auto&quot; answers with the built-in simulated provider, so everything can be tried without a key.</source>
        <translation>Switchyard erkennt nichts stillschweigend: Es durchsucht Ihr Netzwerk nicht nach Inferenzservern. Ein Cloud-Provider der Standardkonfiguration wird aktiv, sobald sein Schlüssel gesetzt ist (eine Umgebungsvariable wie OPENAI_API_KEY oder ein unten hinzugefügter Schlüssel); bis dahin antwortet das Modell &quot;auto&quot; mit dem integrierten simulierten Provider, sodass sich alles ohne Schlüssel ausprobieren lässt.</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="97"/>
        <source>1. Add a provider key</source>
        <translation>1. Provider-Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="98"/>
        <source>OpenAI, Anthropic, Google or any OpenAI-compatible API. Keys stay in your system keychain or an environment variable, never in the configuration file.</source>
        <translation>OpenAI, Anthropic, Google oder eine beliebige OpenAI-kompatible API. Schlüssel bleiben im Schlüsselbund Ihres Systems oder in einer Umgebungsvariable, niemals in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="101"/>
        <source>Open Providers &amp;&amp; keys</source>
        <translation>Provider &amp;&amp; Schlüssel öffnen</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="108"/>
        <source>2. Add a local node</source>
        <translation>2. Lokalen Knoten hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="109"/>
        <source>A llama.cpp, Ollama, vLLM or LM Studio server on this machine or your network.</source>
        <translation>Ein llama.cpp-, Ollama-, vLLM- oder LM-Studio-Server auf diesem Rechner oder in Ihrem Netzwerk.</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="113"/>
        <source>3. Explore with demo data</source>
        <translation>3. Mit Demodaten erkunden</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="114"/>
        <source>Twelve weeks of made-up traffic across cloud models and local nodes, in a separate database, so you can try the dashboard before your own usage arrives. It is always labelled DEMO DATA and never mixes with your usage.</source>
        <translation>Zwölf Wochen erfundener Traffic über Cloud-Modelle und lokale Knoten hinweg, in einer separaten Datenbank, damit Sie das Dashboard ausprobieren können, bevor Ihre eigene Nutzung eintrifft. Er ist immer als DEMODATEN gekennzeichnet und wird nie mit Ihrer Nutzung vermischt.</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="135"/>
        <source>Don&apos;t show this page at start</source>
        <translation>Diese Seite beim Start nicht anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="156"/>
        <source>Writing the demo database…</source>
        <translation>Demodatenbank wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="163"/>
        <source>Could not make the demo data: %1</source>
        <translation>Die Demodaten konnten nicht erstellt werden: %1</translation>
    </message>
</context>
</TS>
