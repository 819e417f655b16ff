#include "tools/Tool.h"

namespace awb {

QString effectClassName(EffectClass effect)
{
    switch (effect) {
    case EffectClass::Read:
        return QStringLiteral("read");
    case EffectClass::IdempotentWrite:
        return QStringLiteral("idempotent_write");
    case EffectClass::ExternalEffect:
        return QStringLiteral("external_effect");
    }
    return QStringLiteral("read");
}

} // namespace awb
