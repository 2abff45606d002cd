// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hai {

// Delivery of webhooks (--webhook-* options).
struct WebhookOptions
{
    int timeoutMs = 5000;
    int maxAttempts = 8;          // then a delivery is failed
    int retryBaseMs = 30000;      // attempt n waits base * 2^(n-1): 8 attempts span ≈ 1 hour
    int disableAfter = 20;        // consecutive failed attempts that disable a webhook; 0 never
    int retentionDays = 7;        // delivered rows older than this are pruned
    bool followRedirects = false; // a 3xx is a failed attempt unless this is on
    // Requests in flight per webhook. They start in event order; with more than one, a
    // receiver that works in parallel may finish them out of order (1 = strict order).
    int inFlightPerWebhook = 4;
};

} // namespace hai
