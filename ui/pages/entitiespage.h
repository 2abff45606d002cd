// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace hai {

class Backend;
class EntityFilterProxy;
class LiveStatePoller;
class RegistryModels;

// The Entities page of the main window: every entity with its live state, sortable, with
// search-as-you-type and filters by domain, area, integration and state.
class EntitiesPage : public QWidget
{
    Q_OBJECT
public:
    // `backend` may be null (tests, or before the backend started): the page is then empty
    // until it is shown with a started backend.
    explicit EntitiesPage(Backend *backend, QWidget *parent = nullptr);
    // On models the caller owns (benchmarks, tests).
    explicit EntitiesPage(RegistryModels *models, QWidget *parent = nullptr);
    ~EntitiesPage() override;

    QLineEdit *searchBox() const { return m_search; }
    QComboBox *domainBox() const { return m_domain; }
    QComboBox *areaBox() const { return m_area; }
    QComboBox *integrationBox() const { return m_integration; }
    QComboBox *stateBox() const { return m_state; }
    QTableView *table() const { return m_table; }
    EntityFilterProxy *proxy() const { return m_proxy; }
    LiveStatePoller *poller() const { return m_poller; }

Q_SIGNALS:
    void chartRequested(const QString &entityId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void attach(RegistryModels *models);
    void updateChoices();
    void applyFilters();
    void updateStatus();
    void saveState();
    void restoreState();

    Backend *m_backend = nullptr;
    QPointer<RegistryModels> m_models;
    EntityFilterProxy *m_proxy;
    LiveStatePoller *m_poller = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_domain = nullptr;
    QComboBox *m_area = nullptr;
    QComboBox *m_integration = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QTimer m_searchTimer;
    QTimer m_statusTimer;
    QTimer m_choicesTimer;
};

} // namespace hai
