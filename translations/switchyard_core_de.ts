<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConfigIo</name>
    <message>
        <location filename="../core/config/configio.cpp" line="34"/>
        <source>expected an object, got %1</source>
        <translation>erwartet: ein Objekt, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="110"/>
        <source>expected an object of prices, got %1</source>
        <translation>erwartet: ein Objekt mit Preisen, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="141"/>
        <source>only &quot;length&quot; can trigger escalation, got &quot;%1&quot;</source>
        <translation>nur &quot;length&quot; kann eine Eskalation auslösen, erhalten: &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="157"/>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="170"/>
        <source>expected a regular expression string</source>
        <translation>erwartet: ein regulärer Ausdruck als Zeichenkette</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="193"/>
        <source>not valid JSON: %1 at line %2, column %3</source>
        <translation>kein gültiges JSON: %1 in Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="208"/>
        <source>the configuration must be a JSON object</source>
        <translation>die Konfiguration muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="236"/>
        <source>is required: a route needs at least one rung</source>
        <translation>ist erforderlich: eine Route braucht mindestens eine Stufe</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="260"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/config/configio.cpp" line="406"/>
        <location filename="../core/config/configio.cpp" line="412"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ConfigMigrations</name>
    <message>
        <location filename="../core/config/configmigrations.cpp" line="19"/>
        <source>expected a whole number of at least 1</source>
        <translation>erwartet: eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <location filename="../core/config/configmigrations.cpp" line="26"/>
        <source>this file was written by a newer Switchyard (version %1); this build reads versions up to %2. It was left unchanged.</source>
        <translation>diese Datei stammt von einem neueren Switchyard (Version %1); dieser Build liest Versionen bis %2. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="../core/config/configmigrations.cpp" line="71"/>
        <source>a version 0 route must be a list of targets</source>
        <translation>eine Route im Format der Version 0 muss eine Liste von Zielen sein</translation>
    </message>
</context>
<context>
    <name>ConfigValidator</name>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="65"/>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="67"/>
        <source>%1 is not an http:// or https:// URL with a host</source>
        <translation>%1 ist keine http://- oder https://-URL mit Host</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="75"/>
        <source>%1 id %2 must not contain &apos;/&apos; or spaces</source>
        <translation>%1-ID %2 darf weder &apos;/&apos; noch Leerzeichen enthalten</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="77"/>
        <source>duplicate %1 id %2</source>
        <translation>doppelte %1-ID %2</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="94"/>
        <source>%1 is not HOST:PORT with an IP address (or localhost) and a port from 1 to 65535</source>
        <translation>%1 hat nicht die Form HOST:PORT mit einer IP-Adresse (oder localhost) und einem Port von 1 bis 65535</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="97"/>
        <source>listening on %1, which is not loopback, requires at least one key in gateway.keys (create one with &apos;switchyard-gateway keys add NAME&apos;)</source>
        <translation>Lauschen auf %1 (keine Loopback-Adresse) erfordert mindestens einen Schlüssel in gateway.keys (anlegen mit &apos;switchyard-gateway keys add NAME&apos;)</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="107"/>
        <source>duplicate key name %1</source>
        <translation>doppelter Schlüsselname %1</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="110"/>
        <source>must be the 64 lowercase hex digits of a SHA-256 hash; the key itself is never stored here</source>
        <translation>muss aus den 64 kleingeschriebenen Hexadezimalziffern eines SHA-256-Hashes bestehen; der Schlüssel selbst wird hier nie gespeichert</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="113"/>
        <source>must be between 1024 bytes and 1 GiB, got %1</source>
        <translation>muss zwischen 1024 Bytes und 1 GiB liegen, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="115"/>
        <location filename="../core/config/configvalidator.cpp" line="117"/>
        <source>must be a positive number of milliseconds</source>
        <translation>muss eine positive Anzahl von Millisekunden sein</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="119"/>
        <source>must be between 0 (one per core) and 64</source>
        <translation>muss zwischen 0 (einer pro Kern) und 64 liegen</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="127"/>
        <source>%1 is not a valid reference: env:VAR needs a variable name of letters, digits and &apos;_&apos;, keychain:NAME needs a name</source>
        <translation>%1 ist keine gültige Referenz: env:VAR braucht einen Variablennamen aus Buchstaben, Ziffern und &apos;_&apos;, keychain:NAME braucht einen Namen</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="132"/>
        <source>secret written in clear; store it in the keychain and write &quot;keychain:NAME&quot;, or write &quot;env:VARIABLE&quot; to read it from the environment</source>
        <translation>Geheimnis im Klartext angegeben; im Schlüsselbund ablegen und &quot;keychain:NAME&quot; schreiben oder &quot;env:VARIABLE&quot; schreiben, um es aus der Umgebung zu lesen</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="144"/>
        <source>unknown provider kind %1; expected one of %2</source>
        <translation>unbekannter Provider-Typ %1; erwartet: einer von %2</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="151"/>
        <source>must be between 0 and 1</source>
        <translation>muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="153"/>
        <source>latencyMs and firstTokenMs must be non-negative, firstTokenMs no more than latencyMs</source>
        <translation>latencyMs und firstTokenMs dürfen nicht negativ sein, und firstTokenMs darf latencyMs nicht überschreiten</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="155"/>
        <source>must be at least 1</source>
        <translation>muss mindestens 1 sein</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="167"/>
        <source>%1 is already a provider id; nodes and providers share one namespace</source>
        <translation>%1 ist bereits eine Provider-ID; Knoten und Provider teilen sich einen Namensraum</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="169"/>
        <source>unknown node kind %1; expected one of %2</source>
        <translation>unbekannter Knotentyp %1; erwartet: einer von %2</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="174"/>
        <source>must name the program to start</source>
        <translation>muss das zu startende Programm angeben</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="176"/>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="186"/>
        <source>unknown provider %1 in price key</source>
        <translation>unbekannter Provider %1 im Preisschlüssel</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="189"/>
        <source>gives no price; set input, output, cachedInput or cacheWrite (USD per million tokens)</source>
        <translation>enthält keinen Preis; input, output, cachedInput oder cacheWrite angeben (USD pro Million Tokens)</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="194"/>
        <source>negative price %1; prices are USD per million tokens, 0 or more</source>
        <translation>negativer Preis %1; Preise werden in USD pro Million Tokens angegeben, 0 oder mehr</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="207"/>
        <source>unknown route %1</source>
        <translation>unbekannte Route %1</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="213"/>
        <source>unknown pipeline %1</source>
        <translation>unbekannte Pipeline %1</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="220"/>
        <source>unknown model %1: provider %2 does not list it and the price catalog does not know it</source>
        <translation>unbekanntes Modell %1: Provider %2 führt es nicht, und der Preiskatalog kennt es nicht</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="226"/>
        <source>unknown model %1: node %2 lists %3</source>
        <translation>unbekanntes Modell %1: Knoten %2 führt %3</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="233"/>
        <source>unknown model %1: no provider or node called %2</source>
        <translation>unbekanntes Modell %1: kein Provider oder Knoten namens %2</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="239"/>
        <source>unknown model %1: no node or provider lists it; write provider/model, route/NAME, or add it to a node&apos;s models</source>
        <translation>unbekanntes Modell %1: kein Knoten oder Provider führt es; provider/model oder route/NAME angeben oder das Modell in die models-Liste eines Knotens aufnehmen</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="271"/>
        <source>duplicate route name %1 (already used at %2)</source>
        <translation>doppelter Routenname %1 (bereits verwendet bei %2)</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="275"/>
        <source>route names and aliases must not contain &apos;/&apos;</source>
        <translation>Routennamen und Aliasse dürfen kein &apos;/&apos; enthalten</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="281"/>
        <source>a route needs at least one rung</source>
        <translation>eine Route braucht mindestens eine Stufe</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="287"/>
        <source>timeouts must not be negative</source>
        <translation>Timeouts dürfen nicht negativ sein</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="292"/>
        <source>unknown cause %1; expected an HTTP status such as &quot;503&quot; or one of %2</source>
        <translation>unbekannte Ursache %1; erwartet: ein HTTP-Status wie &quot;503&quot; oder eine von %2</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="303"/>
        <source>invalid regular expression: %1 at offset %2</source>
        <translation>ungültiger regulärer Ausdruck: %1 an Position %2</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="320"/>
        <source>token limits must not be negative</source>
        <translation>Token-Grenzen dürfen nicht negativ sein</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="322"/>
        <source>minPromptTokens is larger than maxPromptTokens</source>
        <translation>minPromptTokens ist größer als maxPromptTokens</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="333"/>
        <source>duplicate pipeline name %1</source>
        <translation>doppelter Pipeline-Name %1</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="336"/>
        <source>a pipeline needs at least one step</source>
        <translation>eine Pipeline braucht mindestens einen Schritt</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="369"/>
        <source>cyclic rule: %1 never ends</source>
        <translation>zyklische Regel: %1 endet nie</translation>
    </message>
    <message>
        <location filename="../core/config/configvalidator.cpp" line="380"/>
        <source>cyclic route: %1 never ends</source>
        <translation>zyklische Route: %1 endet nie</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="37"/>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="38"/>
        <location filename="../core/common/jsonreader.cpp" line="85"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="39"/>
        <location filename="../core/common/jsonreader.cpp" line="59"/>
        <location filename="../core/common/jsonreader.cpp" line="73"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="40"/>
        <location filename="../core/common/jsonreader.cpp" line="160"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="41"/>
        <location filename="../core/common/jsonreader.cpp" line="148"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="50"/>
        <source>expected %1, got %2</source>
        <translation>erwartet: %1, erhalten: %2</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="69"/>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="98"/>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="102"/>
        <source>expected a whole number, got %1</source>
        <translation>erwartet: eine ganze Zahl, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="114"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="127"/>
        <source>an array of strings</source>
        <translation>ein Array von Zeichenketten</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="134"/>
        <source>expected a string, got %1</source>
        <translation>erwartet: eine Zeichenkette, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/common/jsonreader.cpp" line="171"/>
        <source>unknown field &apos;%1&apos;</source>
        <translation>unbekanntes Feld &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>SpendAnalysis</name>
    <message>
        <location filename="../core/usage/spendanalysis.cpp" line="34"/>
        <source>the usage query was cancelled</source>
        <translation>die Nutzungsabfrage wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>Switchyard::RequestLogModel</name>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="60"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="76"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="80"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="80"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="86"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="109"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="110"/>
        <source>Requested model</source>
        <translation>Angefragtes Modell</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="111"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="112"/>
        <source>Served by</source>
        <translation>Beantwortet von</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="113"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="114"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="115"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="116"/>
        <source>Tokens in / out</source>
        <translation>Tokens ein / aus</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="117"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="118"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="119"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="120"/>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="413"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="414"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="415"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="425"/>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <location filename="../core/models/requestlogmodel.cpp" line="436"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>Switchyard::Runtime</name>
    <message>
        <location filename="../core/runtime/runtime.cpp" line="115"/>
        <source>cannot write the default configuration to %1: %2</source>
        <translation>die Standardkonfiguration kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/runtime/runtime.cpp" line="153"/>
        <source>&apos;%1&apos; is not HOST:PORT</source>
        <translation>&apos;%1&apos; ist nicht HOST:PORT</translation>
    </message>
    <message>
        <location filename="../core/runtime/runtime.cpp" line="157"/>
        <source>listening on %1, which is not loopback, requires at least one key (create one with &apos;switchyard-gateway keys add NAME&apos;)</source>
        <translation>Lauschen auf %1 (keine Loopback-Adresse) erfordert mindestens einen Schlüssel (anlegen mit &apos;switchyard-gateway keys add NAME&apos;)</translation>
    </message>
    <message>
        <location filename="../core/runtime/runtime.cpp" line="176"/>
        <source>cannot listen on %1: %2</source>
        <translation>auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>Switchyard::SecretResolver</name>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="20"/>
        <source>no keychain service is running (%1); keychain:%2 falls back to the environment variable %3</source>
        <translation>kein Schlüsselbund-Dienst aktiv (%1); keychain:%2 greift ersatzweise auf die Umgebungsvariable %3 zurück</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="49"/>
        <source>environment variable %1 is not set</source>
        <translation>Umgebungsvariable %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="54"/>
        <source>environment variable %1 is empty</source>
        <translation>Umgebungsvariable %1 ist leer</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="69"/>
        <source>not a secret reference; expected env:VAR or keychain:NAME</source>
        <translation>keine Geheimnis-Referenz; erwartet: env:VAR oder keychain:NAME</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="93"/>
        <source>no secret named &apos;%1&apos; in the keychain (service &apos;%2&apos;)</source>
        <translation>kein Geheimnis namens &apos;%1&apos; im Schlüsselbund (Dienst &apos;%2&apos;)</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="94"/>
        <source>the keychain refused to give &apos;%1&apos;: %2</source>
        <translation>der Schlüsselbund hat die Herausgabe von &apos;%1&apos; verweigert: %2</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="112"/>
        <source>cannot store &apos;%1&apos;: no keychain service is running (%2); set the environment variable %3 instead</source>
        <translation>&apos;%1&apos; kann nicht gespeichert werden: kein Schlüsselbund-Dienst aktiv (%2); stattdessen die Umgebungsvariable %3 setzen</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="114"/>
        <source>cannot store &apos;%1&apos; in the keychain: %2</source>
        <translation>&apos;%1&apos; kann nicht im Schlüsselbund gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../core/config/secretresolver.cpp" line="130"/>
        <source>cannot remove &apos;%1&apos; from the keychain: %2</source>
        <translation>&apos;%1&apos; kann nicht aus dem Schlüsselbund entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>Switchyard::SpendPivotModel</name>
    <message numerus="yes">
        <location filename="../core/models/spendpivotmodel.cpp" line="54"/>
        <source>Other (%n)</source>
        <translation>
            <numerusform>Andere (%n)</numerusform>
            <numerusform>Andere (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/models/spendpivotmodel.cpp" line="139"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
</context>
<context>
    <name>Switchyard::SpendTableModel</name>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="36"/>
        <source>(no model)</source>
        <translation>(kein Modell)</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="37"/>
        <source>(cloud providers)</source>
        <translation>(Cloud-Provider)</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="38"/>
        <source>(no task)</source>
        <translation>(keine Aufgabe)</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="39"/>
        <source>(local nodes)</source>
        <translation>(lokale Knoten)</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="40"/>
        <source>(no route)</source>
        <translation>(keine Route)</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="114"/>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/models/spendtablemodel.cpp" line="116"/>
        <source>%1 + %n unpriced</source>
        <translation>
            <numerusform>%1 + %n ohne Preis</numerusform>
            <numerusform>%1 + %n ohne Preis</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="118"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="127"/>
        <source>1 request had no known price; its cost is not included.</source>
        <translation>Für 1 Anfrage war kein Preis bekannt; ihre Kosten sind nicht enthalten.</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="128"/>
        <source>%1 requests had no known price; their cost is not included.</source>
        <translation>Für %1 Anfragen war kein Preis bekannt; ihre Kosten sind nicht enthalten.</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="143"/>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="146"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="147"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="148"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="149"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="150"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="153"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="154"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="155"/>
        <source>Input tokens</source>
        <translation>Eingabetokens</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="156"/>
        <source>Output tokens</source>
        <translation>Ausgabetokens</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="157"/>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="158"/>
        <source>Unpriced</source>
        <translation>Ohne Preis</translation>
    </message>
    <message>
        <location filename="../core/models/spendtablemodel.cpp" line="159"/>
        <source>Avg latency</source>
        <translation>Ø Latenz</translation>
    </message>
</context>
<context>
    <name>Switchyard::UsageReader</name>
    <message>
        <location filename="../core/usage/usagereader.cpp" line="64"/>
        <source>cannot open the usage database for reading: %1</source>
        <translation>die Nutzungsdatenbank kann nicht zum Lesen geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::UsageStore</name>
    <message>
        <location filename="../core/usage/usagestore.cpp" line="28"/>
        <source>the usage database is not open</source>
        <translation>die Nutzungsdatenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../core/usage/usagestore.cpp" line="68"/>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>Switchyard::UsageWriter</name>
    <message>
        <location filename="../core/usage/usagewriter.cpp" line="95"/>
        <location filename="../core/usage/usagewriter.cpp" line="169"/>
        <source>cannot open the usage database: %1</source>
        <translation>die Nutzungsdatenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../core/usage/usagewriter.cpp" line="373"/>
        <source>the usage database is not open</source>
        <translation>die Nutzungsdatenbank ist nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>UsageMigrations</name>
    <message>
        <location filename="../core/usage/usagemigrations.cpp" line="167"/>
        <source>the file is not a SQLite database</source>
        <translation>die Datei ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <location filename="../core/usage/usagemigrations.cpp" line="169"/>
        <source>cannot read the usage database: %1</source>
        <translation>die Nutzungsdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../core/usage/usagemigrations.cpp" line="187"/>
        <source>the usage database has schema version %1, but this Switchyard understands up to version %2; it was written by a newer Switchyard and is left untouched</source>
        <translation>die Nutzungsdatenbank hat die Schemaversion %1, dieses Switchyard versteht aber nur Versionen bis %2; sie wurde von einem neueren Switchyard geschrieben und bleibt unverändert</translation>
    </message>
    <message>
        <location filename="../core/usage/usagemigrations.cpp" line="213"/>
        <source>migration to schema version %1 failed: %2</source>
        <translation>Migration auf Schemaversion %1 fehlgeschlagen: %2</translation>
    </message>
</context>
</TS>
