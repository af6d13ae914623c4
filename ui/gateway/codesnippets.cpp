// SPDX-License-Identifier: MIT
#include "ui/gateway/codesnippets.h"

#include "core/config/config.h"
#include "core/gateway/apikeys.h"

namespace Switchyard {

namespace {

QString examplePrompt()
{
    return QStringLiteral("Say hello in one word.");
}

} // namespace

SnippetOptions CodeSnippets::optionsFor(const Config &config, const QString &baseUrl, const QString &listen)
{
    SnippetOptions o;
    o.baseUrl = baseUrl;
    o.keysRequired = ApiKeys(config.gateway.keys, listen).isRequired();
    if (!config.routes.isEmpty()) {
        o.model = QStringLiteral("route/") + config.routes.first().name;
    } else {
        for (const ProviderConfig &p : config.providers) {
            if (!p.models.isEmpty()) {
                o.model = p.id + u'/' + p.models.first();
                break;
            }
        }
    }
    if (o.model.isEmpty())
        o.model = QStringLiteral("openai/gpt-4o-mini");
    if (!config.nodes.isEmpty())
        o.node = config.nodes.first().id;
    return o;
}

QString CodeSnippets::python(const SnippetOptions &o)
{
    const QString nodeLine = o.node.isEmpty()
        ? QStringLiteral("        # \"X-Switchyard-Node\": \"NODE\",  # %1\n").arg(tr("pin the request to a local node"))
        : QStringLiteral("        \"X-Switchyard-Node\": \"%1\",  # %2\n").arg(o.node, tr("pin the request to this node"));
    return QStringLiteral("# pip install openai\n"
                          "import os\n"
                          "from openai import OpenAI\n"
                          "\n"
                          "# %1\n"
                          "client = OpenAI(\n"
                          "    base_url=\"%2\",\n"
                          "    api_key=os.environ.get(\"%3\", \"sy-local\"),\n"
                          ")\n"
                          "\n"
                          "response = client.chat.completions.create(\n"
                          "    model=\"%4\",\n"
                          "    messages=[{\"role\": \"user\", \"content\": \"%5\"}],\n"
                          "    extra_headers={\n"
                          "        \"X-Switchyard-Task\": \"%6\",  # %7\n")
               .arg(keyComment(o), o.baseUrl, keyVariable(), o.model, examplePrompt(), o.task, tr("spend per task"))
        + nodeLine
        + QStringLiteral("    },\n"
                         ")\n"
                         "print(response.choices[0].message.content)\n");
}

QString CodeSnippets::javascript(const SnippetOptions &o)
{
    const QString nodeLine = o.node.isEmpty()
        ? QStringLiteral("  // { headers: { \"X-Switchyard-Node\": \"NODE\" } },  // %1\n").arg(tr("pin this request to a local node"))
        : QStringLiteral("  { headers: { \"X-Switchyard-Node\": \"%1\" } },  // %2\n").arg(o.node, tr("pin this request to this node"));
    return QStringLiteral("// npm install openai\n"
                          "import OpenAI from \"openai\";\n"
                          "\n"
                          "// %1\n"
                          "const client = new OpenAI({\n"
                          "  baseURL: \"%2\",\n"
                          "  apiKey: process.env.%3 ?? \"sy-local\",\n"
                          "  // %4\n"
                          "  defaultHeaders: { \"X-Switchyard-Task\": \"%5\" },\n"
                          "});\n"
                          "\n"
                          "const response = await client.chat.completions.create(\n"
                          "  { model: \"%6\", messages: [{ role: \"user\", content: \"%7\" }] },\n")
               .arg(keyComment(o), o.baseUrl, keyVariable(), tr("sent with every request: spend per task"), o.task, o.model,
                    examplePrompt())
        + nodeLine
        + QStringLiteral(");\n"
                         "console.log(response.choices[0].message.content);\n");
}

QString CodeSnippets::keyComment(const SnippetOptions &o)
{
    return o.keysRequired ? tr("Set %1 to a key from \"Create key…\".").arg(keyVariable())
                          : tr("No keys are configured yet: any non-empty key works until you create one.");
}

QString CodeSnippets::curl(const SnippetOptions &o)
{
    // A comment cannot sit inside a continued command line, so an unset node goes above it.
    const QString nodeHint = o.node.isEmpty()
        ? QStringLiteral("# %1: -H \"X-Switchyard-Node: NODE\"\n").arg(tr("To pin the request to a local node, add"))
        : QString();
    const QString nodeHeader = o.node.isEmpty() ? QString() : QStringLiteral("  -H \"X-Switchyard-Node: %1\" \\\n").arg(o.node);
    return QStringLiteral("# %1\n").arg(keyComment(o)) + nodeHint
        + QStringLiteral("curl %1/chat/completions \\\n"
                         "  -H \"Authorization: Bearer ${%2:-sy-local}\" \\\n"
                         "  -H \"Content-Type: application/json\" \\\n"
                         "  -H \"X-Switchyard-Task: %3\" \\\n")
              .arg(o.baseUrl, keyVariable(), o.task)
        + nodeHeader
        + QStringLiteral("  -d '{\"model\": \"%1\", \"messages\": [{\"role\": \"user\", \"content\": \"%2\"}]}'\n")
              .arg(o.model, examplePrompt());
}

} // namespace Switchyard
