// SPDX-License-Identifier: MIT
#pragma once

#include "ui/highlight/syntaxhighlighting.h"

namespace Switchyard {

/// Builds KF6 KSyntaxHighlighting highlighters for SyntaxHighlighting::attach(). Compiled only
/// when CMake found KF6SyntaxHighlighting; the rest of the UI never sees KF6 headers.
/// One KSyntaxHighlighting::Repository is shared by the process (loading it parses every
/// definition); GUI thread only.
class KSyntaxHighlightingAdapter
{
public:
    /// A KSyntaxHighlighting::SyntaxHighlighter owned by \a document, or nullptr when the
    /// definition is not installed (the caller then uses the built-in highlighter).
    static QSyntaxHighlighter *attach(QTextDocument *document, SyntaxLanguage language, SyntaxTheme theme);

    /// Version of the KF6 library the build compiled against.
    static QString version();
};

} // namespace Switchyard
