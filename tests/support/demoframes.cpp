// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoframes.h"

#include "demo/demohomeoptions.h"
#include "demo/homegenerator.h"
#include "demo/homemodel.h"
#include "demo/statejson.h"
#include "demo/trafficgenerator.h"

namespace hai::test {

QList<QByteArray> demoEventFrames(int events, int perFrame, int devices, int subscriptionId)
{
    DemoHomeOptions options;
    options.seed = 42;
    options.devices = devices;
    options.entitiesPerDevice = 10;
    options.areas = 24;
    options.floors = 3;
    options.baseTimeMs = 1767607200000; // 2026-01-05T10:00:00Z
    options.recorderCommitMs = 0;
    HomeModel model(options);
    HomeGenerator::generate(model);
    TrafficGenerator traffic(model, 7);

    QList<QByteArray> frames;
    QByteArray frame;
    int inFrame = 0;
    for (int i = 0; i < events; ++i) {
        const HomeEvent event = traffic.next();
        QByteArray body;
        StateJson::appendEventBody(body, event);
        QByteArray message;
        StateJson::appendEventMessage(message, body, subscriptionId);
        if (perFrame == 1) {
            frames.append(message);
            continue;
        }
        frame += inFrame == 0 ? '[' : ',';
        frame += message;
        if (++inFrame == perFrame || i == events - 1) {
            frame += ']';
            frames.append(frame);
            frame.clear();
            inFrame = 0;
        }
    }
    return frames;
}

} // namespace hai::test
