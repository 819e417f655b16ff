#pragma once
// Named, dated versions of an agent's instructions, kept in the workspace database
// (prompt_versions). Saving a version also writes the instructions into the agent file, which
// stays the source of truth runs load; runs record the instructions' sha256 to tie them to a
// version.

#include <QDateTime>
#include <QString>

#include <map>
#include <vector>

#include "util/Result.h"

namespace awb {

struct PromptVersion
{
    QString agent;
    int version = 0;
    QString name;
    QDateTime createdAt; // UTC
    QString author;
    QString instructions;
    QString sha256; // of the instructions' UTF-8 bytes
};

// A run as its RunStarted event recorded it, for "which runs used which version".
struct PromptRun
{
    QString runId;
    QDateTime startedAt; // UTC
    QString instructionsSha256;
};

class PromptVersions
{
public:
    // Each call opens its own connection, so an instance may be used from a worker thread.
    PromptVersions(QString workspaceRoot, QString databasePath);

    // The sha256 (hex) runs record as "instructions_sha256" in their start.
    static QString instructionsHash(const QString& instructions);

    // Oldest first.
    Result<std::vector<PromptVersion>> list(const QString& agent) const;
    Result<PromptVersion> get(const QString& agent, int version) const;
    // Records the next version and writes the instructions into the agent file (other fields kept).
    Result<PromptVersion> save(const QString& agent, const QString& name,
                               const QString& instructions, const QString& author) const;
    // The version whose instructions have this sha256; 0 when none has.
    Result<int> versionOf(const QString& agent, const QString& instructionsSha256) const;
    // The runs of this agent that recorded the hash of their instructions, oldest first.
    Result<std::vector<PromptRun>> runs(const QString& agent) const;

private:
    QString m_root;
    QString m_dbPath;
};

} // namespace awb
