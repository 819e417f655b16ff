#include "graph/RunGraph.h"

#include <algorithm>

namespace awb::ui {

QSizeF nodeSize(StepKind kind)
{
    return kind == StepKind::Approval ? QSizeF(138, 46) : QSizeF(168, 52);
}

GraphSnapshot graphOfRun(const RunState& state)
{
    GraphSnapshot s;
    s.nodes.reserve(state.steps.size());
    std::map<int, QString> modelOfTurn;
    std::map<QString, QString> gateOf; // tool step -> approval step
    for (const StepState& step : state.steps) {
        s.nodes.push_back({step.id, nodeSize(step.kind)});
        if (step.kind == StepKind::Model)
            modelOfTurn[step.turn] = step.id;
        else if (step.kind == StepKind::Approval && !step.parent.isEmpty())
            gateOf[step.parent] = step.id;
    }
    // model -> (approval ->) tool calls -> next model; a turn without tools leads straight on.
    QString lastModel;
    std::vector<QString> feeding; // what the next model call waits for
    std::map<int, std::vector<QString>> toolsOfTurn;
    for (const StepState& step : state.steps) {
        switch (step.kind) {
        case StepKind::Model:
            for (const QString& from : feeding)
                s.edges.push_back({from, step.id});
            feeding = {step.id};
            lastModel = step.id;
            break;
        case StepKind::Tool: {
            const auto model = modelOfTurn.find(step.turn);
            const QString from = model != modelOfTurn.end() ? model->second : lastModel;
            const auto gate = gateOf.find(step.id);
            if (gate != gateOf.end()) {
                if (!from.isEmpty())
                    s.edges.push_back({from, gate->second});
                s.edges.push_back({gate->second, step.id});
            } else if (!from.isEmpty()) {
                s.edges.push_back({from, step.id});
            }
            if (feeding.size() == 1 && feeding.front() == from)
                feeding.clear();
            feeding.push_back(step.id);
            toolsOfTurn[step.turn].push_back(step.id);
            break;
        }
        case StepKind::Approval:
            if (step.parent.isEmpty() || !state.step(step.parent))
                s.edges.push_back({lastModel, step.id});
            break;
        }
    }
    for (auto& [turn, tools] : toolsOfTurn) {
        if (tools.size() > 1)
            s.sameRank.push_back(std::move(tools));
    }
    s.edges.erase(std::remove_if(s.edges.begin(), s.edges.end(),
                                 [](const GraphSnapshot::Edge& e) { return e.from.isEmpty(); }),
                  s.edges.end());
    return s;
}

} // namespace awb::ui
