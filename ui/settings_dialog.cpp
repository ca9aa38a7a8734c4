#include "settings_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace rs::ui {

SettingsDialog::SettingsDialog(const QStringList &libDirs, const QString &otpRoot, QWidget *parent)
    : QDialog(parent), m_libDirs(new QListWidget(this)), m_otpRoot(new QLineEdit(otpRoot, this))
{
    setWindowTitle(tr("Lib Dirs and OTP"));
    m_libDirs->setObjectName(QStringLiteral("libDirs"));
    m_libDirs->addItems(libDirs);
    m_otpRoot->setObjectName(QStringLiteral("otpRoot"));
    m_otpRoot->setPlaceholderText(tr("The OTP of 'erl' on PATH"));

    auto *add = new QPushButton(tr("&Add…"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    auto *up = new QPushButton(tr("&Up"), this);
    auto *down = new QPushButton(tr("&Down"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a lib dir"));
        if (!dir.isEmpty())
            m_libDirs->addItem(dir);
    });
    connect(remove, &QPushButton::clicked, this, [this] { delete m_libDirs->currentItem(); });
    auto move = [this](int delta) {
        const int row = m_libDirs->currentRow();
        if (row < 0 || row + delta < 0 || row + delta >= m_libDirs->count())
            return;
        QListWidgetItem *item = m_libDirs->takeItem(row);
        m_libDirs->insertItem(row + delta, item);
        m_libDirs->setCurrentRow(row + delta);
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(1); });
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *dirs = new QHBoxLayout;
    dirs->addWidget(m_libDirs, 1);
    dirs->addLayout(buttons);

    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("OTP root"), m_otpRoot->text());
        if (!dir.isEmpty())
            m_otpRoot->setText(dir);
    });
    auto *otpRow = new QHBoxLayout;
    otpRow->addWidget(m_otpRoot, 1);
    otpRow->addWidget(browse);

    auto *help =
        new QLabel(tr("Applications are searched in DIR/*/ebin of each lib dir, in this order, then in the "
                      "OTP's lib/. Give OTP's lib, rebar3's _build/PROFILE/lib or mix's _build/ENV/lib."),
                   this);
    help->setWordWrap(true);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Lib dirs:"), dirs);
    form->addRow(tr("OTP root:"), otpRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addLayout(form);
    layout->addWidget(box);
    resize(640, 360);
}

QStringList SettingsDialog::libDirs() const
{
    QStringList dirs;
    for (int i = 0; i < m_libDirs->count(); ++i)
        dirs << m_libDirs->item(i)->text();
    return dirs;
}

QString SettingsDialog::otpRoot() const
{
    return m_otpRoot->text().trimmed();
}

} // namespace rs::ui
