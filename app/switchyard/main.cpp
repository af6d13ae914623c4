// SPDX-License-Identifier: MIT
// switchyard: the desktop app. It embeds the same core as switchyard-gateway; without a
// display it says so and runs that core headless instead.
#include "app/switchyard/singleinstance.h"
#include "core/common/logwriter.h"
#include "core/config/configstore.h"
#include "core/runtime/runtime.h"
#include "core/runtime/signalwatcher.h"
#include "core/usage/usagestore.h"
#include "ui/mainwindow/appcontroller.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTranslator>

#include <unistd.h>

using namespace Switchyard;

static bool hasDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

int main(int argc, char *argv[])
{
    if (!hasDisplay()) {
        // Same core, same files: hand over to the headless program beside this one.
        const QByteArray gateway = QFileInfo(QString::fromLocal8Bit(argv[0])).absoluteDir()
                                       .filePath(QStringLiteral("../switchyard-gateway/switchyard-gateway")).toLocal8Bit();
        const QByteArray installed = QFileInfo(QString::fromLocal8Bit(argv[0])).absoluteDir()
                                         .filePath(QStringLiteral("switchyard-gateway")).toLocal8Bit();
        fprintf(stderr, "switchyard: no display found (DISPLAY and WAYLAND_DISPLAY are unset); running the gateway headless.\n");
        const QByteArray program = QFileInfo::exists(QString::fromLocal8Bit(installed)) ? installed : gateway;
        std::vector<char *> args{const_cast<char *>(program.constData()), const_cast<char *>("serve")};
        for (int i = 1; i < argc; ++i)
            args.push_back(argv[i]);
        args.push_back(nullptr);
        execv(program.constData(), args.data());
        perror("switchyard: cannot start switchyard-gateway");
        return 1;
    }

    QApplication app(argc, argv);
    LogWriter logs; // the embedded gateway logs one line per request, off the GUI and worker threads
    QApplication::setApplicationName(QStringLiteral("switchyard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Switchyard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);

    QList<QTranslator *> translators;
    for (const char *catalog : {"switchyard_core", "switchyard_ui", "switchyard_app"}) {
        auto *t = new QTranslator(&app);
        if (t->load(QLocale(), QString::fromLatin1(catalog), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QApplication::installTranslator(t);
    }
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Switchyard: local LLM gateway, routing ladders and spend charts"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"), QApplication::translate("main", "configuration file"), QStringLiteral("FILE"),
                                    QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/config.json"));
    const QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "usage database"), QStringLiteral("FILE"),
                                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.sqlite3"));
    const QCommandLineOption listen(QStringLiteral("listen"), QApplication::translate("main", "gateway address, overriding gateway.listen"),
                                    QStringLiteral("HOST:PORT"));
    parser.addOptions({config, db, listen});
    parser.process(app);

    SingleInstance instance(QStringLiteral("switchyard"), parser.value(config));
    if (instance.raiseRunningInstance()) {
        logs.flush();
        fprintf(stderr, "switchyard: already running with %s; its window was raised.\n", qPrintable(parser.value(config)));
        return 0; // the first instance shows its window
    }

    Runtime runtime({parser.value(config), parser.value(db), parser.value(listen)});
    Errors errors;
    const bool started = runtime.start(&errors);
    if (!runtime.configStore() || !runtime.usageStore() || !runtime.usageStore()->isOpen()) {
        // Say which file, what is wrong in it, and that it was left as it is.
        QString text;
        QStringList details;
        for (const Error &e : errors)
            details.append(e.toString());
        if (!runtime.configStore()) {
            text = QApplication::translate("main", "The configuration file %1 cannot be used; it was not changed. "
                                                   "Fix it, or move it away to start with the default configuration.")
                       .arg(QDir::toNativeSeparators(parser.value(config)));
        } else {
            text = QApplication::translate("main", "The usage database %1 cannot be opened; it was not changed.")
                       .arg(QDir::toNativeSeparators(parser.value(db)));
        }
        logs.flush();
        fprintf(stderr, "switchyard: %s\n  %s\n", qPrintable(text), qPrintable(details.join(QStringLiteral("\n  "))));
        QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Switchyard cannot start"), text);
        box.setInformativeText(details.join(u'\n'));
        box.exec();
        return 1;
    }
    AppController controller(&runtime);
    QObject::connect(&instance, &SingleInstance::raiseRequested, &controller, [&controller] {
        qInfo("switchyard: started again; raising the window");
        controller.raiseWindow();
    });
    QObject::connect(&controller, &AppController::quitRequested, &app, &QApplication::quit);
    controller.raiseWindow();
    // Logout or `kill` ends the app through the same path as Quit: every usage record is written.
    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, &app, &QApplication::quit);
    // A gateway that did not start says why on the Overview and in the status line (Runtime::gatewayErrors).
    if (started)
        qInfo("switchyard: gateway serving http://%s/v1", qPrintable(runtime.listenAddress()));
    const int code = QApplication::exec();
    runtime.stop(); // flushes every usage record
    return code;
}
