#include "util/Log.h"

Q_LOGGING_CATEGORY(lcEngine, "awb.core.engine", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "awb.core.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTools, "awb.core.tools", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLlm, "awb.core.llm", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecurity, "awb.core.security", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMail, "awb.core.mail", QtWarningMsg)
