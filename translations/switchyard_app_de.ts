<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/switchyard/main.cpp" line="+71"/>
        <source>Switchyard: local LLM gateway, routing ladders and spend charts</source>
        <translation>Switchyard: lokales LLM-Gateway, Routing-Leitern und Ausgabendiagramme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>configuration file</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>usage database</source>
        <translation>Nutzungsdatenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gateway address, overriding gateway.listen</source>
        <translation>Gateway-Adresse, ersetzt gateway.listen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The configuration file %1 cannot be used; it was not changed. Fix it, or move it away to start with the default configuration.</source>
        <translation>Die Konfigurationsdatei %1 ist nicht verwendbar; sie wurde nicht verändert. Korrigieren Sie sie, oder verschieben Sie sie, um mit der Standardkonfiguration zu starten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The usage database %1 cannot be opened; it was not changed.</source>
        <translation>Die Nutzungsdatenbank %1 lässt sich nicht öffnen; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Switchyard cannot start</source>
        <translation>Switchyard kann nicht starten</translation>
    </message>
</context>
</TS>
