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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="43"/>
        <location filename="../ui/gateway/codesnippets.cpp" line="73"/>
        <location filename="../ui/gateway/codesnippets.cpp" line="101"/>
        <source>No keys are configured yet: any non-empty key works until you create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="45"/>
        <source>pin the request to a local node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="46"/>
        <source>pin the request to this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="62"/>
        <source>spend per task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="75"/>
        <source>pin this request to a local node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="76"/>
        <source>pin this request to this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="90"/>
        <source>sent with every request: spend per task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/codesnippets.cpp" line="104"/>
        <source>To pin the request to a local node, add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayKeyEdits</name>
    <message>
        <location filename="../ui/gateway/gatewaykeyedits.cpp" line="24"/>
        <source>Give the key a name, e.g. the program or machine that uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaykeyedits.cpp" line="28"/>
        <source>A key named &apos;%1&apos; exists already; pick another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderDraft</name>
    <message>
        <location filename="../ui/providers/providerdraft.cpp" line="60"/>
        <location filename="../ui/providers/providerdraft.cpp" line="62"/>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::AppController</name>
    <message>
        <location filename="../ui/mainwindow/appcontroller.cpp" line="64"/>
        <source>Switchyard gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/appcontroller.cpp" line="66"/>
        <source>Show Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/appcontroller.cpp" line="68"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::CheapWorkPanel</name>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="20"/>
        <source>&lt;b&gt;Expensive model doing cheap work&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="41"/>
        <source>Looking for premium models serving short calls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="54"/>
        <source>No premium model (≥ %1 per million output tokens, or the priciest in use) serves calls averaging under %2 output tokens in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="58"/>
        <source>Tasks whose calls average under %1 output tokens, served by a premium model. Prices: what the same calls cost on the cheapest model you already use for short work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="63"/>
        <source>&lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2/%3&lt;/b&gt;&lt;br&gt;%4 calls, %5 output tokens on average, cost &lt;b&gt;%6&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="68"/>
        <source>&lt;br&gt;On %1/%2: &lt;b&gt;%3&lt;/b&gt; — &lt;span style=&apos;color:#1a7f37&apos;&gt;%4 less&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="72"/>
        <source>&lt;br&gt;No cheaper priced model is in use for short calls yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/cheapworkpanel.cpp" line="74"/>
        <source>Show requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::CreateKeyDialog</name>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="30"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="31"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="34"/>
        <source>Create a gateway key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="44"/>
        <source>Programs send this key as &quot;Authorization: Bearer sy-…&quot;. Only its SHA-256 is saved, so the key is shown once, right after you create it. Once a key exists, the gateway refuses requests without a valid key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="56"/>
        <source>Copy the key now and store it in your program&apos;s environment (e.g. SWITCHYARD_API_KEY). It cannot be shown again; if you lose it, revoke it and create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="63"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="68"/>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="85"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/createkeydialog.cpp" line="107"/>
        <source>The key was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::FilterButton</name>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="66"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="72"/>
        <source>(nothing recorded in this range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="92"/>
        <source>%1: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="94"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard/filterbutton.cpp" line="96"/>
        <source>%1: %n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard/filterbutton.cpp" line="97"/>
        <source>Showing every %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::GatewayKeyTableModel</name>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="44"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="58"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/gatewaykeytablemodel.cpp" line="59"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::GatewayStatusWidget</name>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="44"/>
        <source>Cost of today&apos;s requests (UTC day) at the prices in force when they were served. Unpriced requests have no known price and are not in the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="46"/>
        <source>Requests the gateway answered in the last 60 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="78"/>
        <source>Spend today: …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="91"/>
        <source>Serving on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="92"/>
        <source>Base URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="95"/>
        <source>Gateway stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="96"/>
        <source>Start it on the Overview page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="99"/>
        <source>Gateway error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="107"/>
        <source>%1 req/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="143"/>
        <source>Spend today: unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="152"/>
        <source>Spend today: $%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/gatewaystatuswidget.cpp" line="154"/>
        <source>+ %1 unpriced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="27"/>
        <source>Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="43"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="44"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::NodeForm</name>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="30"/>
        <source>Add node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="41"/>
        <source>llama-3.1-8b-instruct, qwen2.5-coder-14b (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="48"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="49"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="50"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="51"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="84"/>
        <source>give the node a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="92"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="100"/>
        <source>cannot save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/nodeform.cpp" line="116"/>
        <source>Node %1 added. Requests for its models now go to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::OverviewPage</name>
    <message>
        <location filename="../ui/gateway/overviewpage.h" line="27"/>
        <location filename="../ui/gateway/overviewpage.cpp" line="55"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="44"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="60"/>
        <source>Programs on this computer call Switchyard like the OpenAI API: point their SDK at the base URL below and choose the model by name. Routing, fallbacks and spend are handled here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="97"/>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="102"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="104"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="110"/>
        <source>HOST:PORT. Addresses other than loopback (127.0.0.1, ::1) require at least one key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="111"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="119"/>
        <source>Copy base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="124"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="130"/>
        <source>&amp;Listen address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="136"/>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="152"/>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="157"/>
        <source>Create key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="159"/>
        <source>Stored keys cannot be shown again: create a new one to copy it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="172"/>
        <source>Connect your code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="173"/>
        <source>Ready to paste: the key is read from SWITCHYARD_API_KEY. The X-Switchyard-Task header tags requests for spend per task; X-Switchyard-Node pins a request to a local node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="179"/>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="180"/>
        <source>JavaScript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="181"/>
        <source>curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="196"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="215"/>
        <source>&lt;span style=&quot;color:#1e8e3e&quot;&gt;●&lt;/span&gt; &lt;b&gt;Serving&lt;/b&gt; on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="218"/>
        <source>&lt;span style=&quot;color:#80868b&quot;&gt;●&lt;/span&gt; &lt;b&gt;Stopped&lt;/b&gt;: programs cannot reach the gateway until you start it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="222"/>
        <source>&lt;span style=&quot;color:#d93025&quot;&gt;●&lt;/span&gt; &lt;b&gt;Error&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="237"/>
        <source>No keys yet. On loopback the gateway accepts any key (the SDKs need a non-empty one), so local programs work at once. Create a key to require it from every program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="245"/>
        <source>One key configured: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="246"/>
        <source>%1 keys configured: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gateway/overviewpage.cpp" line="248"/>
        <source>Every request needs one of them.

Keys are stored hashed and cannot be shown again; to copy a key, create a new one (and revoke old ones on the Providers &amp; keys page).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::ProviderEditor</name>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="56"/>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="56"/>
        <source>Edit provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="59"/>
        <source>&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="60"/>
        <source>e.g. openai; used in model names: id/model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="64"/>
        <source>OpenAI-compatible API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="65"/>
        <source>Anthropic Messages API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="66"/>
        <source>Simulated (built in, for demos and fault drills)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="68"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="73"/>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="79"/>
        <source>Store in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="80"/>
        <source>Read from an environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="81"/>
        <source>No key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="82"/>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="86"/>
        <source>paste the provider&apos;s API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="89"/>
        <source>variable name, e.g. OPENAI_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="93"/>
        <source>Checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="110"/>
        <source>&amp;Catalog id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="111"/>
        <source>price catalog provider; empty: same as the id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="112"/>
        <source>&amp;Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="113"/>
        <source>comma-separated, e.g. gpt-4o, gpt-4o-mini; empty: any model the catalog knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="152"/>
        <source>stored in the keychain; type a new key to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="239"/>
        <source>not used: simulated providers answer inside Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="295"/>
        <source>A key is stored in the keychain; leave the field empty to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="296"/>
        <source>The key is saved in your OS keychain (service &quot;%1&quot;), never in the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="302"/>
        <source>No keychain service is running, so the key cannot be stored securely here. Set an environment variable before starting Switchyard and choose &quot;Read from an environment variable&quot; (a keychain: reference falls back to %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="325"/>
        <source>Saving the key in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providereditor.cpp" line="366"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::ProviderTableModel</name>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="31"/>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="32"/>
        <source>key set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="33"/>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="34"/>
        <source>keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="35"/>
        <source>not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="61"/>
        <source>(built in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="62"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="88"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="89"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="90"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="91"/>
        <source>Key reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertablemodel.cpp" line="92"/>
        <source>Key status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::ProviderTester</name>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="88"/>
        <source>The key cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="121"/>
        <source>Simulated providers are tested through the gateway: start it on the Overview page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="126"/>
        <source>Simulated providers are tested through the gateway, which requires a key now; call it with one of your keys instead (see the Overview page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="131"/>
        <source>Save the provider first: the gateway only knows saved providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="153"/>
        <source>OK: HTTP %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="157"/>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providertester.cpp" line="161"/>
        <source>No answer within %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::ProvidersPage</name>
    <message>
        <location filename="../ui/providers/providerspage.h" line="29"/>
        <location filename="../ui/providers/providerspage.cpp" line="99"/>
        <source>Providers &amp; keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="104"/>
        <source>Cloud providers the gateway forwards requests to, and the local keys programs use to call the gateway. API keys live in your OS keychain or in environment variables; the configuration file only names where to find them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="132"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="140"/>
        <source>No providers yet. Add one with your API key (OpenAI, Anthropic or any OpenAI-compatible service), or a simulated provider to try routing without spending anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="148"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="150"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="152"/>
        <location filename="../ui/providers/providerspage.cpp" line="334"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="154"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="156"/>
        <source>Sends one tiny request (max_tokens 1) with the configured key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="182"/>
        <source>Local gateway keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="187"/>
        <source>No keys yet: on loopback the gateway accepts every local program. Create a key to require it from every program (and to listen on other addresses).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="193"/>
        <source>Create key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="195"/>
        <location filename="../ui/providers/providerspage.cpp" line="385"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="227"/>
        <source>No key reference is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="267"/>
        <source>Read from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="305"/>
        <source>Provider %1 added and saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="320"/>
        <source>Provider %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="332"/>
        <source>Remove provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="333"/>
        <source>Remove the provider %1 from the configuration? Routes that use it must be changed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="341"/>
        <source>%1 was not removed:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="344"/>
        <source>Provider %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="357"/>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="366"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="366"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="374"/>
        <source>Key %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="384"/>
        <source>Revoke key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="385"/>
        <source>Revoke the key %1? Programs using it get 401 errors from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="390"/>
        <source>%1 was not revoked:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providers/providerspage.cpp" line="393"/>
        <source>Key %1 revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::RequestDetailView</name>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="34"/>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="36"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="38"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="40"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="42"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Rung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="66"/>
        <source>Why it escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>TTFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Tokens in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="67"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="84"/>
        <source>Loading the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="84"/>
        <source>No request selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="85"/>
        <source>Select a request above to see each ladder rung it tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="93"/>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="93"/>
        <source>(no id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="97"/>
        <source>asked for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="97"/>
        <source>(no model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="99"/>
        <source>route %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="101"/>
        <source>task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="103"/>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="105"/>
        <source>1 attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="105"/>
        <source>%1 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="106"/>
        <source>%1 in / %2 out tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="108"/>
        <source>latency %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="110"/>
        <source>first token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="112"/>
        <source>streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="114"/>
        <source>cache hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="117"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="132"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="142"/>
        <source>No attempt was recorded for this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="155"/>
        <source>rate limited (429)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="157"/>
        <source>server error (5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="159"/>
        <source>timed out (timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="161"/>
        <source>could not connect (connect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="163"/>
        <source>no first token in time (first-token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="165"/>
        <source>answer cut at max tokens (length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="167"/>
        <source>answer was not valid JSON (invalid-json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="169"/>
        <source>empty answer (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestdetailview.cpp" line="171"/>
        <source>provider paused by the circuit breaker (circuit-open)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::RequestFilterBar</name>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="47"/>
        <source>Search request id, model or error text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="52"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="53"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="54"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="55"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="56"/>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="65"/>
        <source>First day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="66"/>
        <source>Last day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="69"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="70"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="71"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="72"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="73"/>
        <source>Error or cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="85"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="96"/>
        <source>&amp;Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="101"/>
        <source>St&amp;atus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="104"/>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="107"/>
        <source>Tas&amp;k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="110"/>
        <source>Served &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="200"/>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="201"/>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="202"/>
        <source>All providers and nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="206"/>
        <location filename="../ui/requestlog/requestfilterbar.cpp" line="263"/>
        <source>%1 (node)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::RequestLogPage</name>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="60"/>
        <source>Demo data: these requests are made up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="107"/>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="161"/>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="132"/>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="242"/>
        <source>The usage database is not open, so there are no requests to list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="244"/>
        <source>No requests yet. Every call your programs send to the local gateway is listed here as soon as it finishes, with each ladder rung it tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="247"/>
        <source>No request matches these filters. Clear them to see every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="251"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="253"/>
        <source>1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/requestlog/requestlogpage.cpp" line="253"/>
        <source>%1 requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::SpendChartView</name>
    <message>
        <location filename="../ui/dashboard/spendchartview.cpp" line="60"/>
        <source>USD per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spendchartview.cpp" line="188"/>
        <source>%1, week of %2: %3
Click to see the requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::SpendDashboard</name>
    <message>
        <location filename="../ui/dashboard/spenddashboard.h" line="51"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="117"/>
        <source>&lt;b&gt;DEMO DATA&lt;/b&gt; — synthetic traffic for exploring the dashboard, kept in its own database; none of it is your usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="122"/>
        <source>Back to my usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="156"/>
        <source>No requests in this range. Widen the range or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="186"/>
        <source>Double-click a row to see its requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="206"/>
        <source>&lt;h2&gt;No requests recorded yet&lt;/h2&gt;&lt;p&gt;Spend appears here as soon as programs call the gateway. The First run page shows the address to use, or lets you explore this dashboard with demo data.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="213"/>
        <source>Open First run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="219"/>
        <source>Explore with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="232"/>
        <source>The demo database could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="265"/>
        <source>Break down by </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="267"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="268"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="269"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="270"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="276"/>
        <source>Range </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="278"/>
        <source>4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="279"/>
        <source>12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="280"/>
        <source>52 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="281"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="310"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="311"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="312"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="313"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="314"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="324"/>
        <source>Compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="327"/>
        <source>Draws what the same traffic would have cost on one flagship model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="328"/>
        <source>(no comparison)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="340"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="343"/>
        <source>Table as CSV (weekly sums)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="344"/>
        <source>Requests as CSV (every row behind the numbers)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="345"/>
        <source>Export requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="345"/>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="748"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="349"/>
        <source>Chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="578"/>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="578"/>
        <source>node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="579"/>
        <source>task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="579"/>
        <source>provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="580"/>
        <source>route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="581"/>
        <source>Weekly spend by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="583"/>
        <source>Spend in range&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="585"/>
        <source>Requests&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%1&lt;/span&gt; &amp;nbsp;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="587"/>
        <source>(%1 errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="591"/>
        <source>Week over week&lt;br&gt;&lt;span style=&apos;font-size:16pt&apos;&gt;—&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="593"/>
        <source>no spend the week before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="599"/>
        <source>on the week before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="601"/>
        <source>Last full week (from %1)&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%2&lt;/span&gt; &amp;nbsp;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="612"/>
        <source>⚠ &lt;b&gt;1 request (%2) has no known price&lt;/b&gt;; its cost is not in these numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="614"/>
        <source>⚠ &lt;b&gt;%1 requests (%2) have no known price&lt;/b&gt;; their cost is not in these numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="617"/>
        <source>Add a price for their models in the configuration (&quot;prices&quot;) to include them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="633"/>
        <source>All on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="636"/>
        <source>Flagship comparison&lt;br&gt;Pick a model under “Compare with”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="640"/>
        <source>All on %1&lt;br&gt;no price known for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="649"/>
        <source>routing saved &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="653"/>
        <source>&lt;b&gt;%1&lt;/b&gt; more than all on this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="654"/>
        <source>All traffic on %1&lt;br&gt;&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;%2&lt;/span&gt; &amp;nbsp;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="667"/>
        <source>The usage database did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="748"/>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="759"/>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="759"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboard/spenddashboard.cpp" line="761"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::UsageDataSource</name>
    <message>
        <location filename="../ui/dashboard/usagedatasource.cpp" line="29"/>
        <source>the demo database could not be written in time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Switchyard::WelcomePage</name>
    <message>
        <location filename="../ui/welcome/welcomepage.h" line="27"/>
        <source>First run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="49"/>
        <source>Explore with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="59"/>
        <source>&lt;h1&gt;Welcome to Switchyard&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="61"/>
        <source>Switchyard runs an OpenAI-compatible gateway on this computer. Point any OpenAI SDK at the address below and only the &lt;code&gt;model&lt;/code&gt; parameter decides which provider or local node answers. Every call is recorded for the spend dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="69"/>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="75"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="84"/>
        <source>Switchyard detects nothing silently: it does not scan your network for inference servers. A cloud provider of the default configuration becomes active once its key is set (an environment variable such as OPENAI_API_KEY, or a key added below); until then the model &quot;auto&quot; answers with the built-in simulated provider, so everything can be tried without a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="95"/>
        <source>1. Add a provider key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="96"/>
        <source>OpenAI, Anthropic, Google or any OpenAI-compatible API. Keys stay in your system keychain or an environment variable, never in the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="99"/>
        <source>Open Providers &amp;&amp; keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="106"/>
        <source>2. Add a local node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="107"/>
        <source>A llama.cpp, Ollama, vLLM or LM Studio server on this machine or your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="111"/>
        <source>3. Explore with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="112"/>
        <source>Twelve weeks of made-up traffic across cloud models and local nodes, in a separate database, so you can try the dashboard before your own usage arrives. It is always labelled DEMO DATA and never mixes with your usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="133"/>
        <source>Don&apos;t show this page at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="154"/>
        <source>Writing the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcome/welcomepage.cpp" line="161"/>
        <source>Could not make the demo data: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
