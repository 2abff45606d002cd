// SPDX-License-Identifier: GPL-3.0-or-later
#include "logpage.h"

#include "backend.h"
#include "log/diagnostics.h"
#include "log/logfilterproxy.h"
#include "log/logmodel.h"
#include "status/statuspoller.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

LogPage::LogPage(Backend *backend, StatusPoller *poller, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_poller(poller)
{
    m_model = new LogModel(kLogRingCapacity, this);
    m_proxy = new LogFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_level = new QComboBox(this);
    m_level->setObjectName(u"levelFilter"_s);
    m_level->addItem(tr("All levels"), 0);
    m_level->addItem(tr("Info and above"), 1);
    m_level->addItem(tr("Warnings and errors"), 2);
    m_level->addItem(tr("Errors only"), 3);
    m_level->setToolTip(tr("Show only messages of this level or worse"));
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinimumRank(m_level->currentData().toInt());
        updateCount();
    });

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s); // MainWindow's Ctrl+F focuses it
    m_search->setPlaceholderText(tr("Search messages, categories and threads (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });

    auto *copy = new QPushButton(tr("Copy diagnostics"), this);
    copy->setObjectName(u"copyDiagnostics"_s);
    copy->setToolTip(tr("Copy versions, settings (secrets masked) and counters to the "
                        "clipboard, for a bug report"));
    connect(copy, &QPushButton::clicked, this, &LogPage::copyDiagnostics);

    m_count = new QLabel(this);
    m_count->setObjectName(u"logCount"_s);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_level);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    bar->addWidget(copy);

    m_view = new QTableView(this);
    m_view->setObjectName(u"logView"_s); // named: its column widths are kept
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(u"0"_s);
    header->resizeSection(LogModel::TimeColumn, digit * 15);
    header->resizeSection(LogModel::LevelColumn, digit * 10);
    header->resizeSection(LogModel::CategoryColumn, digit * 16);
    header->resizeSection(LogModel::ThreadColumn, digit * 12);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    m_timer.setInterval(kPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LogPage::poll);
    m_timer.start();
    poll();
}

void LogPage::poll()
{
    const QList<LogRecord> records = logRecordsSince(m_model->lastSequence());
    if (records.isEmpty())
        return;
    // Follow the end only when the user is there; reading older lines must not jump.
    const QScrollBar *scroll = m_view->verticalScrollBar();
    const bool atEnd = scroll->value() >= scroll->maximum();
    m_model->append(records);
    if (atEnd)
        m_view->scrollToBottom();
    updateCount();
}

void LogPage::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

QString LogPage::diagnostics() const
{
    return Diagnostics::collect(m_backend ? &m_backend->settings() : nullptr,
                                m_poller ? m_poller->current() : StatusSnapshot{});
}

void LogPage::copyDiagnostics()
{
    QGuiApplication::clipboard()->setText(diagnostics());
}

} // namespace hai
