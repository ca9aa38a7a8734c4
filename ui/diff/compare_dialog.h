#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLineEdit;

namespace rs::ui {

// Asks for the two releases to compare: each a directory or an archive, typed, browsed for, or
// dropped on its field. Remembers the last pair.
//
// Object names for tests: oldEdit, newEdit.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CompareDialog(QWidget *parent = nullptr);

    QString oldPath() const;
    QString newPath() const;
    void setPaths(const QString &oldPath, const QString &newPath);

    void accept() override;

private:
    QLineEdit *addRow(const QString &label, QFormLayout *form);
    void updateOk();

    QLineEdit *m_old = nullptr;
    QLineEdit *m_new = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace rs::ui
