// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookfilteredit.h"

#include "fielderrorlabel.h"
#include "patternlistedit.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr int kIdRole = Qt::UserRole;

// The matcher's globs: * any run of characters, ? exactly one; the rest is literal.
QRegularExpression globExpression(const QString &glob)
{
    QString pattern = QRegularExpression::escape(glob);
    pattern.replace(u"\\*"_s, u".*"_s).replace(u"\\?"_s, u"."_s);
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

QListWidget *checkList(QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setMaximumHeight(list->fontMetrics().height() * 8);
    return list;
}

// Fills a checkable list with `choices` (id, name) and ticks `checked`; ids it does not
// know are added at the end, by id, so that saving keeps them.
void fillCheckList(QListWidget *list, const QList<QPair<QString, QString>> &choices,
                   const QStringList &checked)
{
    const QSignalBlocker blocker(list);
    list->clear();
    QStringList unknown = checked;
    for (const auto &[id, name] : choices) {
        auto *item = new QListWidgetItem(name, list);
        item->setData(kIdRole, id);
        item->setToolTip(id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(id) ? Qt::Checked : Qt::Unchecked);
        unknown.removeAll(id);
    }
    for (const QString &id : std::as_const(unknown)) {
        auto *item = new QListWidgetItem(
            QCoreApplication::translate("hai::WebhookFilterEdit", "%1 (not in the registry)")
                .arg(id),
            list);
        item->setData(kIdRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
}

QStringList checkedIds(const QListWidget *list)
{
    QStringList ids;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            ids << list->item(row)->data(kIdRole).toString();
    }
    return ids;
}

// Empty text is no bound; a number in the user's locale or in C notation is one.
std::optional<double> parseNumber(const QString &text, bool *ok)
{
    *ok = true;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    double value = QLocale().toDouble(trimmed, ok);
    if (!*ok)
        value = QLocale::c().toDouble(trimmed, ok);
    return *ok ? std::optional<double>(value) : std::nullopt;
}

QString numberText(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'g', 15) : QString();
}
} // namespace

WebhookFilterEdit::WebhookFilterEdit(QWidget *parent)
    : QWidget(parent)
    , m_entities(new PatternListEdit(tr("sensor.*_temperature, light.kitchen"), this))
    , m_matchCount(new QLabel(this))
    , m_domains(new PatternListEdit(tr("light, sensor"), this))
    , m_areas(checkList(this))
    , m_devices(checkList(this))
    , m_toState(new PatternListEdit(tr("on"), this))
    , m_fromState(new PatternListEdit(tr("off"), this))
    , m_above(new QLineEdit(this))
    , m_below(new QLineEdit(this))
{
    m_above->setPlaceholderText(tr("no lower bound"));
    m_below->setPlaceholderText(tr("no upper bound"));
    m_matchCount->setWordWrap(true);
    m_entities->setObjectName(u"filterEntities"_s);
    m_domains->setObjectName(u"filterDomains"_s);
    m_areas->setObjectName(u"filterAreas"_s);
    m_devices->setObjectName(u"filterDevices"_s);
    m_above->setObjectName(u"filterNumericAbove"_s);
    m_below->setObjectName(u"filterNumericBelow"_s);

    auto *intro = new QLabel(tr("Only events that meet every condition set here are sent. "
                                "Leave everything empty to send every event of the chosen "
                                "types."),
                             this);
    intro->setWordWrap(true);

    auto *entityBox = new QWidget(this);
    auto *entityLayout = new QVBoxLayout(entityBox);
    entityLayout->setContentsMargins(0, 0, 0, 0);
    entityLayout->addWidget(m_entities);
    entityLayout->addWidget(m_matchCount);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto row = [this, form](const QString &label, QWidget *field, const QStringList &keys) {
        auto *error = new FieldErrorLabel(keys, this);
        error->setObjectName(u"error:"_s + keys.first());
        m_errors << error;
        form->addRow(label, withError(field, error));
    };
    row(tr("&Entities:"), entityBox, {u"filter.entity_ids"_s});
    row(tr("&Domains:"), m_domains, {u"filter.domains"_s});
    auto *places = new QWidget(this);
    auto *placesLayout = new QHBoxLayout(places);
    placesLayout->setContentsMargins(0, 0, 0, 0);
    auto *areaColumn = new QVBoxLayout;
    areaColumn->addWidget(new QLabel(tr("Areas"), places));
    areaColumn->addWidget(m_areas);
    auto *deviceColumn = new QVBoxLayout;
    deviceColumn->addWidget(new QLabel(tr("Devices"), places));
    deviceColumn->addWidget(m_devices);
    placesLayout->addLayout(areaColumn);
    placesLayout->addLayout(deviceColumn);
    row(tr("In:"), places, {u"filter.area_ids"_s, u"filter.device_ids"_s});
    row(tr("New &state is:"), m_toState, {u"filter.to_state"_s});
    row(tr("&Old state was:"), m_fromState, {u"filter.from_state"_s});
    row(tr("Value &above:"), m_above, {u"filter.numeric_above"_s});
    row(tr("Value &below:"), m_below, {u"filter.numeric_below"_s});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch();

    for (PatternListEdit *list : {m_entities, m_domains, m_toState, m_fromState})
        connect(list, &PatternListEdit::changed, this, &WebhookFilterEdit::changed);
    for (QListWidget *list : {m_areas, m_devices})
        connect(list, &QListWidget::itemChanged, this, &WebhookFilterEdit::changed);
    for (QLineEdit *edit : {m_above, m_below})
        connect(edit, &QLineEdit::textChanged, this, &WebhookFilterEdit::changed);
    connect(m_entities, &PatternListEdit::changed, this, &WebhookFilterEdit::updateMatchCount);
    updateMatchCount();
}

QWidget *WebhookFilterEdit::withError(QWidget *field, FieldErrorLabel *error)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

void WebhookFilterEdit::setChoices(const WebhookFilterChoices &choices)
{
    const WebhookFilter current = filter(); // keeps what was ticked
    m_choices = choices;
    m_entities->setSuggestions(choices.entityIds);
    m_domains->setSuggestions(choices.domains);
    fillCheckList(m_areas, choices.areas, current.areaIds);
    fillCheckList(m_devices, choices.devices, current.deviceIds);
    updateMatchCount();
}

void WebhookFilterEdit::setFilter(const WebhookFilter &filter)
{
    m_entities->setValues(filter.entityIds);
    m_domains->setValues(filter.domains);
    fillCheckList(m_areas, m_choices.areas, filter.areaIds);
    fillCheckList(m_devices, m_choices.devices, filter.deviceIds);
    m_toState->setValues(filter.toState);
    m_fromState->setValues(filter.fromState);
    m_above->setText(numberText(filter.numericAbove));
    m_below->setText(numberText(filter.numericBelow));
    Q_EMIT changed();
}

WebhookFilter WebhookFilterEdit::filter() const
{
    WebhookFilter filter;
    filter.entityIds = m_entities->values();
    filter.domains = m_domains->values();
    filter.areaIds = checkedIds(m_areas);
    filter.deviceIds = checkedIds(m_devices);
    filter.toState = m_toState->values();
    filter.fromState = m_fromState->values();
    bool ok = false;
    filter.numericAbove = parseNumber(m_above->text(), &ok);
    filter.numericBelow = parseNumber(m_below->text(), &ok);
    return filter;
}

WebhookFieldErrors WebhookFilterEdit::parseErrors() const
{
    WebhookFieldErrors errors;
    bool ok = false;
    parseNumber(m_above->text(), &ok);
    if (!ok)
        errors.append({u"filter.numeric_above"_s, tr("must be a number, e.g. 20.5")});
    parseNumber(m_below->text(), &ok);
    if (!ok)
        errors.append({u"filter.numeric_below"_s, tr("must be a number, e.g. 20.5")});
    return errors;
}

int WebhookFilterEdit::showErrors(const WebhookFieldErrors &errors)
{
    int shown = 0;
    for (FieldErrorLabel *label : std::as_const(m_errors))
        shown += label->showErrors(errors);
    return shown;
}

void WebhookFilterEdit::updateMatchCount()
{
    const QStringList patterns = m_entities->values();
    if (patterns.isEmpty()) {
        m_matchCount->setText(tr("Any entity."));
        return;
    }
    QList<QRegularExpression> expressions;
    for (const QString &pattern : patterns)
        expressions << globExpression(pattern);
    int matching = 0;
    for (const QString &entityId : std::as_const(m_choices.entityIds)) {
        for (const QRegularExpression &expression : std::as_const(expressions)) {
            if (expression.match(entityId).hasMatch()) {
                ++matching;
                break;
            }
        }
    }
    m_matchCount->setText(tr("Matches %n of the %1 known entities.", nullptr, matching)
                              .arg(m_choices.entityIds.size()));
}

} // namespace hai
